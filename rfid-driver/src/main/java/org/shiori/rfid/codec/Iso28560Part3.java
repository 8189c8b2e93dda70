package org.shiori.rfid.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shiori.rfid.crc.Crc16;

/**
 * ISO 28560-3 fixed-length basic block ("Danish model"): byte 0 version|usage, 1 parts, 2 part,
 * 3..18 primary item id, 19..20 CRC (CCITT-FALSE, LSB first) over 0..18 and 21..33, 21..22 owner
 * country, 23..33 owner ISIL. 32-byte tags end at byte 31; bytes 32..33 count as 00 in the CRC.
 */
public final class Iso28560Part3 {
  public static final int VERSION = 1;
  public static final int SHORT_LENGTH = 32;
  public static final int LONG_LENGTH = 34;
  private static final int ITEM_ID_OFFSET = 3;
  private static final int ITEM_ID_LENGTH = 16;
  private static final int CRC_OFFSET = 19;
  private static final int COUNTRY_OFFSET = 21;
  private static final int ISIL_OFFSET = 23;

  /** The decoded fields. {@code usage}: 0 acquisition, 1 circulating, 2 not for loan, 7, 8, 9. */
  public record Data(
      int version, int usage, int parts, int part, String itemId, String country, String isil) {}

  private Iso28560Part3() {}

  /** Encodes to 32 bytes when the ISIL fits in 9 bytes, else 34. */
  public static byte[] encode(Data d) {
    int isilLen = d.isil().getBytes(StandardCharsets.US_ASCII).length;
    return encode(d, isilLen <= SHORT_LENGTH - ISIL_OFFSET ? SHORT_LENGTH : LONG_LENGTH);
  }

  public static byte[] encode(Data d, int length) {
    if (length != SHORT_LENGTH && length != LONG_LENGTH) {
      throw new IllegalArgumentException("ISO 28560-3 basic block is 32 or 34 bytes");
    }
    checkRange("version", d.version(), 0, 15);
    checkRange("usage", d.usage(), 0, 15);
    checkRange("parts", d.parts(), 0, 255);
    checkRange("part", d.part(), 0, 255);
    byte[] out = new byte[length];
    out[0] = (byte) ((d.version() << 4) | d.usage());
    out[1] = (byte) d.parts();
    out[2] = (byte) d.part();
    put(out, ITEM_ID_OFFSET, ITEM_ID_LENGTH, "item id", d.itemId());
    put(out, COUNTRY_OFFSET, 2, "country", d.country());
    put(out, ISIL_OFFSET, length - ISIL_OFFSET, "ISIL", d.isil());
    int crc = crc(out);
    out[CRC_OFFSET] = (byte) crc;
    out[CRC_OFFSET + 1] = (byte) (crc >>> 8);
    return out;
  }

  private static void checkRange(String what, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " " + v + " outside " + min + ".." + max);
    }
  }

  private static void put(byte[] out, int off, int max, String what, String value) {
    byte[] b = value.getBytes(StandardCharsets.US_ASCII);
    if (b.length > max || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must be at most " + max + " printable ASCII characters");
    }
    System.arraycopy(b, 0, out, off, b.length);
  }

  /** CRC over bytes 0..18 and 21..33, bytes beyond the array taken as 00. */
  static int crc(byte[] m) {
    byte[] covered = new byte[LONG_LENGTH - 2];
    System.arraycopy(m, 0, covered, 0, CRC_OFFSET);
    int tail = Math.min(m.length, LONG_LENGTH) - COUNTRY_OFFSET;
    System.arraycopy(m, COUNTRY_OFFSET, covered, CRC_OFFSET, Math.max(0, tail));
    return Crc16.ISO28560.compute(covered);
  }

  static boolean crcValid(byte[] m) {
    int stored = (m[CRC_OFFSET] & 0xFF) | ((m[CRC_OFFSET + 1] & 0xFF) << 8);
    if (m.length >= LONG_LENGTH && crc(m) == stored) {
      return true;
    }
    return crc(Arrays.copyOf(m, SHORT_LENGTH)) == stored;
  }

  private static byte[] swapNibble0(byte[] m) {
    byte[] c = m.clone();
    c[0] = (byte) (((m[0] & 0x0F) << 4) | ((m[0] & 0xF0) >>> 4));
    return c;
  }

  /** Reverses each 4-byte block (readers that deliver blocks LSB first). */
  static byte[] reverseBlocks(byte[] m) {
    byte[] c = m.clone();
    for (int b = 0; b + 4 <= m.length; b += 4) {
      for (int i = 0; i < 4; i++) {
        c[b + i] = m[b + 3 - i];
      }
    }
    return c;
  }

  /**
   * Decodes tolerantly: tries the memory as is, with byte 0 nibble-swapped, with blocks reversed,
   * and both; the first reading with a valid CRC wins. Returns null when no reading looks like ISO
   * 28560-3 at all; a version-1 reading with a wrong CRC is returned with {@code crcValid=false}.
   */
  static TagContent decode(byte[] memory) {
    if (memory.length < SHORT_LENGTH) {
      return null;
    }
    byte[] m = Arrays.copyOf(memory, Math.min(memory.length, LONG_LENGTH));
    byte[] reversed = reverseBlocks(m);
    List<Candidate> candidates =
        List.of(
            new Candidate(m, List.of()),
            new Candidate(swapNibble0(m), List.of(TagContent.QUIRK_NIBBLE_SWAPPED)),
            new Candidate(reversed, List.of(TagContent.QUIRK_BLOCK_REVERSED)),
            new Candidate(
                swapNibble0(reversed),
                List.of(TagContent.QUIRK_BLOCK_REVERSED, TagContent.QUIRK_NIBBLE_SWAPPED)));
    for (Candidate c : candidates) {
      if (version(c.bytes) == VERSION && crcValid(c)) {
        return content(c, true);
      }
    }
    for (Candidate c : candidates) {
      if (version(c.bytes) == VERSION && plausibleItemId(c.bytes)) {
        return content(c, false);
      }
    }
    return null;
  }

  private record Candidate(byte[] bytes, List<String> quirks) {}

  /**
   * A nibble-swapping encoder may have computed the CRC over byte 0 as it meant it or as it stored
   * it: either counts.
   */
  private static boolean crcValid(Candidate c) {
    return crcValid(c.bytes)
        || (c.quirks.contains(TagContent.QUIRK_NIBBLE_SWAPPED) && crcValid(swapNibble0(c.bytes)));
  }

  private static int version(byte[] m) {
    return (m[0] & 0xF0) >>> 4;
  }

  private static boolean plausibleItemId(byte[] m) {
    String id = text(m, ITEM_ID_OFFSET, ITEM_ID_LENGTH);
    return !id.isEmpty() && id.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7F);
  }

  private static TagContent content(Candidate c, boolean crcValid) {
    byte[] m = c.bytes;
    List<String> quirks = new ArrayList<>(c.quirks);
    int parts = m[1] & 0xFF;
    int part = m[2] & 0xFF;
    if (part > parts && parts >= 1) {
      // Some encoders write part before parts; an ordinal beyond the total gives them away.
      quirks.add(TagContent.QUIRK_PARTS_SWAPPED);
      int t = parts;
      parts = part;
      part = t;
    }
    String itemId = text(m, ITEM_ID_OFFSET, ITEM_ID_LENGTH);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("version", version(m));
    f.put("usage", m[0] & 0x0F);
    f.put("parts", parts);
    f.put("part", part);
    f.put("itemId", itemId);
    f.put("country", text(m, COUNTRY_OFFSET, 2));
    f.put("isil", text(m, ISIL_OFFSET, m.length - ISIL_OFFSET));
    f.put("crcValid", crcValid);
    f.put("quirks", List.copyOf(quirks));
    return new TagContent(TagFormat.ISO28560_3, itemId, parts, part, crcValid, quirks, f);
  }

  /** NUL-terminated ASCII; bytes outside printable ASCII become '?'. */
  static String text(byte[] m, int off, int len) {
    StringBuilder sb = new StringBuilder();
    for (int i = off; i < off + len && i < m.length; i++) {
      int c = m[i] & 0xFF;
      if (c == 0) {
        break;
      }
      sb.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
    }
    return sb.toString();
  }
}
