package org.shiori.demo.gate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.rfid.tag.TagUid;

/** The gate demo's collection: each item with the tag that carries it; some are on loan. */
final class GateDemoCatalogue {
  /** One demo item and its tag. */
  record Entry(TagUid uid, String itemId, String title, boolean onLoan) {
    ItemRecord record() {
      return new ItemRecord(
          itemId,
          title,
          "book",
          "central",
          onLoan ? ItemStatus.ON_LOAN : ItemStatus.AVAILABLE,
          Set.of(),
          1,
          Optional.empty());
    }
  }

  static final List<Entry> ITEMS =
      List.of(
          entry(1, "3010000000011", "坊っちゃん / Botchan", true),
          entry(2, "3010000000028", "雪国 / Snow Country", false),
          entry(3, "3010000000035", "羅生門 / Rashomon", true),
          entry(4, "3010000000042", "銀河鉄道の夜 / Night on the Galactic Railroad", false),
          entry(5, "3010000000059", "こころ / Kokoro", true),
          entry(6, "3010000000066", "人間失格 / No Longer Human", false),
          entry(7, "3010000000073", "細雪 / The Makioka Sisters", true),
          entry(8, "3010000000080", "吾輩は猫である / I Am a Cat", false));

  private GateDemoCatalogue() {}

  private static Entry entry(int n, String itemId, String title, boolean onLoan) {
    return new Entry(new TagUid(0xE004010000001000L + n), itemId, title, onLoan);
  }

  static Optional<Entry> byUid(TagUid uid) {
    return ITEMS.stream().filter(e -> e.uid().equals(uid)).findFirst();
  }
}
