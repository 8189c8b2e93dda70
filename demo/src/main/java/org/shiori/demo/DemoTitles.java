package org.shiori.demo;

import java.util.List;

/** Titles of the demo collection: public-domain works, with Japanese and English titles. */
final class DemoTitles {
  private DemoTitles() {}

  /** A bilingual title. */
  record Title(String ja, String en) {
    String display() {
      return ja + " / " + en;
    }
  }

  static final List<Title> BOOKS =
      List.of(
          new Title("吾輩は猫である", "I Am a Cat"),
          new Title("坊っちゃん", "Botchan"),
          new Title("こころ", "Kokoro"),
          new Title("三四郎", "Sanshiro"),
          new Title("羅生門", "Rashomon"),
          new Title("蜘蛛の糸", "The Spider's Thread"),
          new Title("鼻", "The Nose"),
          new Title("河童", "Kappa"),
          new Title("走れメロス", "Run, Melos!"),
          new Title("人間失格", "No Longer Human"),
          new Title("斜陽", "The Setting Sun"),
          new Title("銀河鉄道の夜", "Night on the Galactic Railroad"),
          new Title("注文の多い料理店", "The Restaurant of Many Orders"),
          new Title("風の又三郎", "Matasaburo of the Wind"),
          new Title("セロ弾きのゴーシュ", "Gauche the Cellist"),
          new Title("たけくらべ", "Child's Play"),
          new Title("にごりえ", "Troubled Waters"),
          new Title("舞姫", "The Dancing Girl"),
          new Title("高瀬舟", "The Boat on the River Takase"),
          new Title("山椒大夫", "Sansho the Bailiff"),
          new Title("破戒", "The Broken Commandment"),
          new Title("夜明け前", "Before the Dawn"),
          new Title("野菊の墓", "The Wild Chrysanthemum"),
          new Title("小僧の神様", "The Shopboy's God"),
          new Title("城の崎にて", "At Kinosaki"),
          new Title("檸檬", "Lemon"),
          new Title("山月記", "The Moon over the Mountain"),
          new Title("李陵", "Li Ling"),
          new Title("高野聖", "The Holy Man of Mount Koya"),
          new Title("金色夜叉", "The Golden Demon"),
          new Title("武蔵野", "Musashino"),
          new Title("東京の三十年", "Thirty Years in Tokyo"),
          new Title("草枕", "The Three-Cornered World"),
          new Title("それから", "And Then"),
          new Title("門", "The Gate"),
          new Title("杜子春", "Tu Tze-chun"),
          new Title("藪の中", "In a Grove"),
          new Title("蟹工船", "The Crab Cannery Ship"),
          new Title("一握の砂", "A Handful of Sand"),
          new Title("みだれ髪", "Tangled Hair"));

  static final List<Title> VIDEOS =
      List.of(
          new Title("松山の四季", "Four Seasons of Matsuyama"),
          new Title("道後温泉ものがたり", "The Story of Dogo Onsen"),
          new Title("瀬戸内の島々", "Islands of the Seto Inland Sea"),
          new Title("子規と漱石", "Shiki and Soseki"),
          new Title("伊予の祭り", "Festivals of Iyo"),
          new Title("しまなみ海道をゆく", "Along the Shimanami Kaido"),
          new Title("図書館のしごと", "Working in a Library"),
          new Title("こどもの科学 光と影", "Science for Children: Light and Shadow"));

  static final List<Title> AUDIO =
      List.of(
          new Title("日本の童謡集", "Japanese Children's Songs"),
          new Title("箏曲名曲選", "Classic Koto Music"),
          new Title("尺八の調べ", "The Sound of the Shakuhachi"),
          new Title("朗読 坊っちゃん", "Botchan, Read Aloud"),
          new Title("四国の民謡", "Folk Songs of Shikoku"),
          new Title("ピアノで聴く日本の歌", "Japanese Songs on Piano"),
          new Title("雅楽入門", "An Introduction to Gagaku"),
          new Title("朗読 銀河鉄道の夜", "Night on the Galactic Railroad, Read Aloud"));

  static final List<Title> MAGAZINES =
      List.of(
          new Title("月刊 えひめ暮らし 2026年10月号", "Ehime Living, October 2026"),
          new Title("月刊 えひめ暮らし 2026年11月号", "Ehime Living, November 2026"),
          new Title("科学の友 2026年秋号", "Friends of Science, Autumn 2026"),
          new Title("季刊 図書館だより 第88号", "Library Quarterly No. 88"),
          new Title("旅と歴史 2026年11月号", "Travel and History, November 2026"),
          new Title("こども新聞 週刊版 第1204号", "Children's Weekly No. 1204"));

  static final List<Title> REFERENCE =
      List.of(
          new Title("広辞苑 第七版", "Kojien, 7th Edition"),
          new Title("愛媛県史 第一巻", "History of Ehime Prefecture, Vol. 1"),
          new Title("松山市史 資料編", "History of Matsuyama City: Sources"),
          new Title("日本大百科全書 第十巻", "Encyclopedia Nipponica, Vol. 10"),
          new Title("国語大辞典", "Dictionary of the Japanese Language"),
          new Title("伊予郷土資料集", "Iyo Local History Materials"));

  static final List<Title> LARGE_PRINT_SETS =
      List.of(
          new Title("大活字本 坊っちゃん（全3巻）", "Botchan, Large Print (3 volumes)"),
          new Title("大活字本 こころ（全3巻）", "Kokoro, Large Print (3 volumes)"),
          new Title("大活字本 銀河鉄道の夜（全2巻）", "Night on the Galactic Railroad, Large Print (2 vols)"),
          new Title("大活字本 高瀬舟（全2巻）", "The Boat on the River Takase, Large Print (2 vols)"));

  static final List<Title> BRAILLE_AND_DAISY =
      List.of(
          new Title("点字版 走れメロス", "Run, Melos! (Braille)"),
          new Title("点字版 注文の多い料理店", "The Restaurant of Many Orders (Braille)"),
          new Title("DAISY版 こころ", "Kokoro (DAISY)"),
          new Title("DAISY版 羅生門", "Rashomon (DAISY)"));
}
