package org.shiori.rfid.reader.threem;

import java.util.HexFormat;

/**
 * One 3M 810 / Model 210 frame without length and checksum. {@code start} is 0xD6 (commands) or
 * 0xD5 (setup exchange); {@code status} is -1 for requests.
 */
public record ThreeMFrame(int start, int command, int status, byte[] data) {
  public static final int START = 0xD6;
  public static final int SETUP_START = 0xD5;

  public static ThreeMFrame request(int command, byte[] data) {
    return new ThreeMFrame(START, command, -1, data);
  }

  public static ThreeMFrame reply(int command, int status, byte[] data) {
    return new ThreeMFrame(START, command, status, data);
  }

  public boolean isReply() {
    return status >= 0;
  }

  @Override
  public String toString() {
    return String.format(
        "ThreeMFrame[%02X cmd=%02X status=%s data=%s]",
        start,
        command,
        status < 0 ? "-" : String.format("%02X", status),
        HexFormat.of().withUpperCase().formatHex(data));
  }
}
