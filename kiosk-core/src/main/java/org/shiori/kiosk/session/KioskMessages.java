package org.shiori.kiosk.session;

import org.shiori.circulation.domain.Message;

/** The kiosk's own patron-facing texts, in Japanese and English. */
final class KioskMessages {
  private KioskMessages() {}

  static final Message WELCOME =
      new Message(
          "本を返すときは台に置いてください。借りるときは利用カードを読ませてください。",
          "To return, place items on the pad. To borrow, scan your library card.");
  static final Message CARD_ACCEPTED =
      new Message(
          "カードを確認しました。借りる資料を台に置いてください。",
          "Card accepted. Place the items you want to borrow on the pad.");
  static final Message CARD_UNKNOWN =
      new Message(
          "このカードは使えません。カウンターでおたずねください。",
          "This card cannot be used here. Please ask at the counter.");
  static final Message CARD_UNREADABLE =
      new Message(
          "カードを読み取れませんでした。もう一度読ませてください。", "The card could not be read. Please scan it again.");
  static final Message ITEM_UNKNOWN =
      new Message(
          "この資料は確認できません。カウンターへお持ちください。",
          "This item could not be identified. Please take it to the counter.");
  static final Message OUTBOX_FULL =
      new Message(
          "ただいま貸出を受け付けられません。カウンターでおたずねください。",
          "Checkouts are paused at this kiosk. Please ask at the counter.");
  static final Message SECURITY_FAILED =
      new Message(
          "処理を完了できませんでした。この資料をカウンターへお持ちください。",
          "This item could not be finished. Please take it to the counter.");
  static final Message OFFLINE_LIMIT =
      new Message(
          "現在この機械で借りられる冊数を超えました。カウンターをご利用ください。",
          "This kiosk cannot lend more items right now. Please use the counter.");
  static final Message OFFLINE_UNAVAILABLE =
      new Message(
          "ただいまこの機械では貸出できません。返却はできます。",
          "Borrowing is not available at this kiosk right now. Returns still work.");
  static final Message NOT_ON_LOAN =
      new Message(
          "この資料は貸出中ではありません。借りるときは先に利用カードを読ませてください。",
          "This item is not on loan. To borrow it, scan your library card first.");
  static final Message GOODBYE =
      new Message("ご利用ありがとうございました。", "Thank you. Your session has ended.");

  // ---- the patron's standing at the card: neutral words, and what to do next ----

  static final Message STANDING_STAFF_BLOCK =
      new Message(
          "このカードでは、ただいま貸出できません。カウンターでおたずねください。返却はできます。",
          "This card cannot borrow right now. Please ask at the counter. Returns still work.");
  static final Message STANDING_EXPIRED =
      new Message(
          "カードの有効期限が切れています。カウンターで更新の手続きをしてください。",
          "Your card has expired. Please renew it at the counter.");
  static final Message STANDING_OVERDUE =
      new Message(
          "返却期限を過ぎた資料があります。先に返却してから借りてください。",
          "You have items past their due date. Please return them first, then borrow.");
  static final Message STANDING_GROUP =
      new Message(
          "今年度の団体登録の確認がまだです。カウンターで確認を受けてください。",
          "Your group registration has not been confirmed this year. Please see the counter.");
  static final Message STANDING_CATEGORY =
      new Message(
          "このカードはこの機械では使えません。カウンターでおたずねください。",
          "This card cannot be used at this kiosk. Please ask at the counter.");
  static final Message PIN_NEEDED =
      new Message("暗証番号を入力して「確定」を押してください。", "Please enter your PIN and press OK.");
  static final Message PIN_WRONG =
      new Message("暗証番号が違います。もう一度入力してください。", "The PIN is not correct. Please try again.");
  static final Message PIN_LOCKED =
      new Message(
          "暗証番号の入力がしばらくできません。カウンターでおたずねください。",
          "PIN entry is locked for a while. Please ask at the counter.");
  static final Message PIN_UNAVAILABLE =
      new Message(
          "ただいま暗証番号を確認できません。カウンターで借りてください。",
          "Your PIN cannot be checked right now. Please borrow at the counter.");
  static final Message PIN_ACCEPTED =
      new Message(
          "暗証番号を確認しました。借りる資料を台に置いてください。",
          "PIN accepted. Place the items you want to borrow on the pad.");
  static final Message HOLD_WAITING =
      new Message(
          "予約された資料が届いています。予約棚またはカウンターでお受け取りください。",
          "An item you reserved is waiting for you. Please collect it from the holds shelf"
              + " or the counter.");
  static final Message REMOVE_PREVIOUS_ITEMS =
      new Message(
          "前の方の資料が台に残っています。台から取り除いてください。",
          "Items from the previous person are on the pad. Please remove them.");
  static final Message SESSION_ENDED_IDLE =
      new Message("一定時間操作がなかったため、終了しました。", "The session ended because there was no activity.");

  // ---- sets (R-PART-1, R-LIMIT-5) ----

  static final Message SET_LENT_INCOMPLETE =
      new Message(
          "一部の巻だけを貸出しました。残りの巻も借りるときは台に置いてください。",
          "Only some parts were lent. To borrow the other parts, place them on the pad.");
  static final Message SET_PART_ADDED = new Message("追加の巻も貸出しました。", "The added part is lent too.");
  static final Message SET_RETURN_WAITING =
      new Message(
          "この資料は全部の巻がそろっていません。残りの巻も台に置いてください。",
          "Not all parts of this item are here. Please place the other parts on the pad.");
  static final Message SET_RETURN_STAFF =
      new Message(
          "この資料は全部の巻がそろっていません。カウンターへお持ちください。",
          "Not all parts of this item are here. Please take it to the counter.");
}
