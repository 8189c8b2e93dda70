package org.shiori.kiosk.web;

/**
 * The device states the patron must see, beside the session: never patron data.
 *
 * @param readerAnswering whether the pad's reader answers its inventory requests
 * @param unreadableTags tags on the pad whose memory could not be read (置き直してください)
 * @param printer the receipt printer's state: {@code NONE} (no printer), {@code READY}, {@code
 *     PAPER_OUT}, {@code FAILED}
 */
public record ScreenStatus(boolean readerAnswering, int unreadableTags, String printer) {}
