package org.shiori.rfid.codec;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ISO 28560-2 (DSFID 0x06): ISO/IEC 15962 "no directory" data sets. Each set is a precursor byte
 * (bit 7 offset flag, bits 6..4 compaction, bits 3..0 relative OID; 15 = OID in the next byte), an
 * optional offset byte, a length byte and the compacted value; a 0x00 precursor ends the list. The
 * full standard is paywalled: this decodes the primary item identifier (OID 1, which must come
 * first) and, when present, the owner ISIL (OID 3); other objects are skipped by length. The
 * numeric compaction follows the public description (digits with a leading "1", as a binary
 * integer) and is the least certain part.
 */
public final class Iso28560Part2 {
  public static final int DSFID = 0x06;
  private static final int OID_ITEM_ID = 1;
  private static final int OID_OWNER_ISIL = 3;
  private static final int MAX_VALUE = 64;

  private Iso28560Part2() {}

  /** Null unless the memory parses as 15962 data sets starting with the primary item id. */
  static TagContent decode(byte[] m) {
    int p = 0;
    String itemId = null;
    String isil = "";
    while (p < m.length) {
      int pre = m[p++] & 0xFF;
      if (pre == 0) {
        break;
      }
      int compaction = (pre >>> 4) & 0x07;
      int oid = pre & 0x0F;
      if (oid == 15) {
        if (p >= m.length) {
          return null;
        }
        oid = 15 + (m[p++] & 0xFF);
      }
      int offset = 0;
      if ((pre & 0x80) != 0) {
        if (p >= m.length) {
          return null;
        }
        offset = m[p++] & 0xFF;
      }
      if (p >= m.length) {
        return null;
      }
      int len = m[p++] & 0xFF;
      if (len == 0 || len > MAX_VALUE || p + len > m.length) {
        return null;
      }
      if (itemId == null && oid != OID_ITEM_ID) {
        return null;
      }
      if (oid == OID_ITEM_ID && itemId == null) {
        itemId = decompact(compaction, m, p, len);
        if (itemId == null) {
          return null;
        }
      } else if (oid == OID_OWNER_ISIL) {
        // The owner ISIL is often application-defined: the 4/5-bit code starting in upper case.
        String value =
            compaction == 0
                ? AlphaNumericCode.decode(m, p, len, false)
                : decompact(compaction, m, p, len);
        isil = value == null ? "" : value;
      }
      p += len + offset;
    }
    if (itemId == null || itemId.isEmpty()) {
      return null;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("itemId", itemId);
    f.put("isil", isil);
    return new TagContent(TagFormat.ISO28560_2, itemId, 0, 0, true, List.of(), f);
  }

  /** Decompacts one value; null when the bytes do not fit the scheme. */
  static String decompact(int compaction, byte[] m, int off, int len) {
    switch (compaction) {
      case 1:
        return new BigInteger(1, java.util.Arrays.copyOfRange(m, off, off + len)).toString();
      case 2:
        return AlphaNumericCode.decode(m, off, len, true);
      case 3:
        return AlphaNumericCode.decode(m, off, len, false);
      case 4:
        return packed(m, off, len, 6);
      case 5:
        return packed(m, off, len, 7);
      case 6:
        return printable(new String(m, off, len, StandardCharsets.ISO_8859_1));
      case 7:
        return printable(new String(m, off, len, StandardCharsets.UTF_8));
      default:
        return null;
    }
  }

  private static String printable(String s) {
    return s.chars()
            .allMatch(c -> c >= 0x20 && c != 0x7F && c != 0xFFFD && !(c >= 0x80 && c < 0xA0))
        ? s
        : null;
  }

  /** 6- or 7-bit characters packed MSB first; a trailing partial character is padding. */
  private static String packed(byte[] m, int off, int len, int bits) {
    StringBuilder sb = new StringBuilder();
    int chars = len * 8 / bits;
    for (int i = 0; i < chars; i++) {
      int v = 0;
      for (int b = 0; b < bits; b++) {
        int bit = i * bits + b;
        v = (v << 1) | ((m[off + bit / 8] >>> (7 - bit % 8)) & 1);
      }
      sb.append((char) map(v, bits));
    }
    String s = sb.toString();
    int end = s.length();
    while (end > 0 && padding(s.charAt(end - 1), bits)) {
      end--;
    }
    s = s.substring(0, end);
    return s.chars().allMatch(c -> c >= 0x20 && c < 0x7F) ? s : null;
  }

  private static int map(int v, int bits) {
    if (bits == 6) {
      return v < 0x20 ? 0x40 | v : v; // 6-bit code: ISO 646 0x20..0x5F
    }
    return v;
  }

  private static boolean padding(char c, int bits) {
    return bits == 6 ? c == ' ' : c == 0;
  }
}
