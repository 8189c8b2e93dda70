package org.shiori.rfid.reader.feig;

import java.util.HexFormat;

/**
 * One FEIG host-protocol frame without its length and CRC. {@code status} is -1 for requests (host
 * to reader). {@code advanced} frames start with STX and a two-byte length.
 */
public record FeigFrame(int busAddress, int command, int status, byte[] data, boolean advanced) {
  public static final int BROADCAST = 0xFF;

  public static FeigFrame request(int busAddress, int command, byte[] data) {
    return new FeigFrame(busAddress, command, -1, data, false);
  }

  public static FeigFrame reply(int busAddress, int command, int status, byte[] data) {
    return new FeigFrame(busAddress, command, status, data, false);
  }

  public boolean isReply() {
    return status >= 0;
  }

  @Override
  public String toString() {
    return String.format(
        "FeigFrame[adr=%02X cmd=%02X status=%s data=%s%s]",
        busAddress,
        command,
        status < 0 ? "-" : String.format("%02X", status),
        HexFormat.of().withUpperCase().formatHex(data),
        advanced ? " advanced" : "");
  }
}
