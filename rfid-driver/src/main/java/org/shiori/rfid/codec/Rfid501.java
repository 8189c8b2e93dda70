package org.shiori.rfid.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 3M "RFID501" item layout (as documented by the Biblio::RFID project): block 0 {@code 04
 * (set<<4|total) 00 type}, blocks 1..4 barcode ASCII NUL padded, block 5 {@code branch(12 bits) <<
 * 20 | library(20 bits)} big-endian, block 6 custom int32. A blank tag holds 24 x 0x55 + 00000000.
 */
public final class Rfid501 {
  public static final int LENGTH = 28;
  private static final int MARKER = 0x04;

  private Rfid501() {}

  static boolean isBlank(byte[] m) {
    if (m.length < 24) {
      return false;
    }
    for (int i = 0; i < 24; i++) {
      if ((m[i] & 0xFF) != 0x55) {
        return false;
      }
    }
    return true;
  }

  /** Null unless the memory looks like RFID501 (marker byte, printable NUL-padded barcode). */
  static TagContent decode(byte[] m) {
    if (m.length < LENGTH) {
      return null;
    }
    if (isBlank(m)) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("blank", true);
      f.put("quirks", List.of(TagContent.QUIRK_BLANK));
      return new TagContent(TagFormat.RFID501, "", 0, 0, true, List.of(TagContent.QUIRK_BLANK), f);
    }
    if ((m[0] & 0xFF) != MARKER || m[2] != 0 || !barcodeField(m)) {
      return null;
    }
    int set = (m[1] & 0xF0) >>> 4;
    int total = m[1] & 0x0F;
    String barcode = Iso28560Part3.text(m, 4, 16);
    long brLib = intAt(m, 20) & 0xFFFFFFFFL;
    int custom = intAt(m, 24);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("set", set);
    f.put("total", total);
    f.put("type", m[3] & 0xFF);
    f.put("barcode", barcode);
    f.put("branch", (int) (brLib >>> 20));
    f.put("library", (int) (brLib & 0xFFFFF));
    f.put("custom", custom);
    return new TagContent(TagFormat.RFID501, barcode, total, set, true, List.of(), f);
  }

  /** The same content, noting how it was found. */
  static TagContent withQuirk(TagContent c, String quirk) {
    java.util.List<String> quirks = new java.util.ArrayList<>(c.quirks());
    quirks.add(quirk);
    Map<String, Object> f = new LinkedHashMap<>(c.fields());
    f.put("quirks", List.copyOf(quirks));
    return new TagContent(c.format(), c.itemId(), c.parts(), c.part(), c.crcValid(), quirks, f);
  }

  private static boolean barcodeField(byte[] m) {
    boolean ended = false;
    for (int i = 4; i < 20; i++) {
      int c = m[i] & 0xFF;
      if (c == 0) {
        ended = true;
      } else if (ended || c < 0x20 || c >= 0x7F) {
        return false;
      }
    }
    return m[4] != 0;
  }

  private static int intAt(byte[] m, int off) {
    return ((m[off] & 0xFF) << 24)
        | ((m[off + 1] & 0xFF) << 16)
        | ((m[off + 2] & 0xFF) << 8)
        | (m[off + 3] & 0xFF);
  }

  /** Encodes the 28-byte RFID501 layout (used by tests and the emulator setup). */
  public static byte[] encode(
      int set, int total, int type, String barcode, int branch, int library, int custom) {
    byte[] out = new byte[LENGTH];
    out[0] = MARKER;
    out[1] = (byte) (((set & 0x0F) << 4) | (total & 0x0F));
    out[3] = (byte) type;
    byte[] b = barcode.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    if (b.length > 16) {
      throw new IllegalArgumentException("RFID501 barcode is at most 16 characters");
    }
    System.arraycopy(b, 0, out, 4, b.length);
    int brLib = ((branch & 0xFFF) << 20) | (library & 0xFFFFF);
    putInt(out, 20, brLib);
    putInt(out, 24, custom);
    return out;
  }

  private static void putInt(byte[] out, int off, int v) {
    out[off] = (byte) (v >>> 24);
    out[off + 1] = (byte) (v >>> 16);
    out[off + 2] = (byte) (v >>> 8);
    out[off + 3] = (byte) v;
  }
}
