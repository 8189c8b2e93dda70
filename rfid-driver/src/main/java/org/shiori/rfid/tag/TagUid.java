package org.shiori.rfid.tag;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The 64-bit ISO/IEC 15693 unique identifier, kept MSB first as printed (E0 manufacturer serial).
 */
public record TagUid(long value) {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** Parses 16 hex digits, most significant byte first (e.g. {@code E004010012345678}). */
  public static TagUid fromHex(String msbFirst) {
    String s = msbFirst.replace(" ", "").replace(":", "");
    if (s.length() != 16) {
      throw new IllegalArgumentException(
          "UID must be 16 hex digits (8 bytes, MSB first), got '" + msbFirst + "'");
    }
    return fromMsbFirst(HEX.parseHex(s));
  }

  public static TagUid fromMsbFirst(byte[] b) {
    return fromMsbFirst(b, 0);
  }

  /** Reads 8 bytes MSB first from {@code off}. */
  public static TagUid fromMsbFirst(byte[] b, int off) {
    if (b.length - off < 8) {
      throw new IllegalArgumentException("UID needs 8 bytes");
    }
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return new TagUid(v);
  }

  /** Reads 8 bytes LSB first (ISO 15693 air order) from {@code off}. */
  public static TagUid fromLsbFirst(byte[] b, int off) {
    byte[] r = Arrays.copyOfRange(b, off, off + 8);
    for (int i = 0; i < 4; i++) {
      byte t = r[i];
      r[i] = r[7 - i];
      r[7 - i] = t;
    }
    return fromMsbFirst(r, 0);
  }

  public byte[] msbFirst() {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (value >>> (56 - 8 * i));
    }
    return b;
  }

  public byte[] lsbFirst() {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (value >>> (8 * i));
    }
    return b;
  }

  public String hex() {
    return HEX.formatHex(msbFirst());
  }

  /** IC manufacturer code (second byte): 04 NXP, 07 TI, 02 ST. */
  public int manufacturer() {
    return (int) (value >>> 48) & 0xFF;
  }

  @Override
  public String toString() {
    return hex();
  }
}
