package org.shiori.rfid.iso15693;

import java.util.Arrays;
import java.util.OptionalInt;
import org.shiori.rfid.crc.Crc16;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.tag.TagUid;

/**
 * An ISO/IEC 15693-3 request: {@code FLAGS CMD [IC_MFG] [UID, LSB first] PARAMS [CRC]}. Custom and
 * proprietary commands (0xA0..0xDF) carry the IC manufacturer code; {@code manufacturer} is -1 for
 * the others. {@code uid} is null unless the addressed flag is set (and the command is not an
 * inventory).
 */
public record Iso15693Request(int flags, int command, int manufacturer, TagUid uid, byte[] params) {
  public static final int FLAG_HIGH_DATA_RATE = 0x02;
  public static final int FLAG_INVENTORY = 0x04;
  public static final int FLAG_SELECT = 0x10;
  public static final int FLAG_ADDRESSED = 0x20;
  public static final int FLAG_OPTION = 0x40;
  public static final int FLAG_AFI = 0x10;
  public static final int FLAG_ONE_SLOT = 0x20;

  public static final int INVENTORY = 0x01;
  public static final int STAY_QUIET = 0x02;
  public static final int READ_SINGLE = 0x20;
  public static final int WRITE_SINGLE = 0x21;
  public static final int READ_MULTIPLE = 0x23;
  public static final int WRITE_MULTIPLE = 0x24;
  public static final int WRITE_AFI = 0x27;
  public static final int LOCK_AFI = 0x28;
  public static final int WRITE_DSFID = 0x29;
  public static final int GET_SYSTEM_INFO = 0x2B;
  public static final int NXP_SET_EAS = 0xA2;
  public static final int NXP_RESET_EAS = 0xA3;
  public static final int NXP_EAS_ALARM = 0xA5;
  public static final int MFG_NXP = 0x04;

  public Iso15693Request {
    params = params.clone();
  }

  /** Addressed request at high data rate; option flag as the tag maker needs it for writes. */
  public static Iso15693Request addressed(int command, TagUid uid, byte... params) {
    boolean custom = command >= 0xA0 && command <= 0xDF;
    return new Iso15693Request(
        FLAG_HIGH_DATA_RATE | FLAG_ADDRESSED, command, custom ? MFG_NXP : -1, uid, params);
  }

  /** One-slot inventory, optionally with an AFI. */
  public static Iso15693Request inventory(OptionalInt afi) {
    int flags = FLAG_HIGH_DATA_RATE | FLAG_INVENTORY | FLAG_ONE_SLOT;
    if (afi.isEmpty()) {
      return new Iso15693Request(flags, INVENTORY, -1, null, new byte[] {0});
    }
    byte[] p = {(byte) afi.getAsInt(), 0};
    return new Iso15693Request(flags | FLAG_AFI, INVENTORY, -1, null, p);
  }

  /**
   * One-slot inventory of the tags whose UID ends in the low {@code maskLength} bits of {@code
   * mask} (host-side anticollision extends the mask by 4 bits on each collision).
   */
  public static Iso15693Request inventory(OptionalInt afi, int maskLength, long mask) {
    if (maskLength < 0 || maskLength > 64) {
      throw new IllegalArgumentException("mask length 0..64");
    }
    int maskBytes = (maskLength + 7) / 8;
    int head = afi.isPresent() ? 2 : 1;
    byte[] p = new byte[head + maskBytes];
    if (afi.isPresent()) {
      p[0] = (byte) afi.getAsInt();
    }
    p[head - 1] = (byte) maskLength;
    for (int i = 0; i < maskBytes; i++) {
      p[head + i] = (byte) (mask >>> (8 * i));
    }
    int flags = FLAG_HIGH_DATA_RATE | FLAG_INVENTORY | FLAG_ONE_SLOT;
    return new Iso15693Request(afi.isPresent() ? flags | FLAG_AFI : flags, INVENTORY, -1, null, p);
  }

  public boolean isAddressed() {
    return (flags & FLAG_INVENTORY) == 0 && (flags & FLAG_ADDRESSED) != 0;
  }

  public byte[] encode(boolean withCrc) {
    int len = 2 + (manufacturer >= 0 ? 1 : 0) + (isAddressed() ? 8 : 0) + params.length;
    byte[] out = new byte[len + (withCrc ? 2 : 0)];
    int p = 0;
    out[p++] = (byte) flags;
    out[p++] = (byte) command;
    if (manufacturer >= 0) {
      out[p++] = (byte) manufacturer;
    }
    if (isAddressed()) {
      System.arraycopy(uid.lsbFirst(), 0, out, p, 8);
      p += 8;
    }
    System.arraycopy(params, 0, out, p, params.length);
    if (withCrc) {
      int crc = Crc16.ISO15693.compute(out, 0, len);
      out[len] = (byte) crc;
      out[len + 1] = (byte) (crc >>> 8);
    }
    return out;
  }

  public static Iso15693Request decode(byte[] frame, boolean withCrc) throws ProtocolException {
    int len = frame.length - (withCrc ? 2 : 0);
    if (len < 2) {
      throw new ProtocolException("ISO 15693 request too short");
    }
    if (withCrc && !crcValid(frame)) {
      throw new ProtocolException("ISO 15693 request CRC mismatch");
    }
    int flags = frame[0] & 0xFF;
    int cmd = frame[1] & 0xFF;
    int p = 2;
    int mfg = -1;
    if (cmd >= 0xA0 && cmd <= 0xDF) {
      if (len < 3) {
        throw new ProtocolException("ISO 15693 custom request without manufacturer code");
      }
      mfg = frame[p++] & 0xFF;
    }
    TagUid uid = null;
    if ((flags & FLAG_INVENTORY) == 0 && (flags & FLAG_ADDRESSED) != 0) {
      if (len < p + 8) {
        throw new ProtocolException("ISO 15693 addressed request without UID");
      }
      uid = TagUid.fromLsbFirst(frame, p);
      p += 8;
    }
    return new Iso15693Request(flags, cmd, mfg, uid, Arrays.copyOfRange(frame, p, len));
  }

  static boolean crcValid(byte[] frame) {
    int len = frame.length - 2;
    int crc = Crc16.ISO15693.compute(frame, 0, len);
    return (frame[len] & 0xFF) == (crc & 0xFF) && (frame[len + 1] & 0xFF) == (crc >>> 8);
  }
}
