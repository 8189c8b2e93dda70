package org.shiori.rfid.reader.cr95hf;

import java.util.HexFormat;

/**
 * One ST CR95HF UART frame: {@code CODE LEN DATA}; CODE is the command (host to chip) or the result
 * (chip to host: 00 ok, 80 tag frame received, 87 no tag answered). There is no link checksum.
 */
public record Cr95hfFrame(int code, byte[] data) {
  public Cr95hfFrame {
    data = data.clone();
  }

  @Override
  public String toString() {
    return String.format(
        "Cr95hfFrame[%02X %s]", code, HexFormat.of().withUpperCase().formatHex(data));
  }
}
