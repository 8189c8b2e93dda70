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
}
