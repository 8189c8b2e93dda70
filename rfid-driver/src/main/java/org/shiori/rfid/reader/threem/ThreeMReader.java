package org.shiori.rfid.reader.threem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.shiori.rfid.frame.FrameExchange;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;
import org.shiori.rfid.reader.BlockRuns;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.ReaderInfo;
import org.shiori.rfid.reader.SystemInfo;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.Transport;

/**
 * 3M 810 / RFID Reader Model 210 (19200 8N1). Facts from the 3M Model 210 protocol specification
 * v1.0.0; block data travel in tag memory order, UIDs MSB first, blocks are 4 bytes.
 */
public final class ThreeMReader implements TagReader {
  public static final int CMD_QUIET = 0x01;
  public static final int CMD_READ_MULTIBLOCK = 0x02;
  public static final int CMD_CHECK_EAS = 0x03;
  public static final int CMD_WRITE_MULTIBLOCK = 0x04;
  public static final int CMD_WRITE_BLOCK = 0x05;
  public static final int CMD_LOCK_AFI = 0x06;
  public static final int CMD_WRITE_AFI = 0x09;
  public static final int CMD_GET_AFI = 0x0A;
  public static final int CMD_WRITE_DSFID = 0x0B;
  public static final int CMD_EAS_CONTROL = 0x0C;
  public static final int CMD_TAG_INFO = 0x0D;
  public static final int CMD_GET_DSFID = 0x0F;
  public static final int CMD_VERSION = 0x11;
  public static final int CMD_PASS_THROUGH = 0x14;
  public static final int CMD_INVENTORY = 0xFE;
  public static final int SETUP_HARDWARE_VERSION = 0x04;

  /** Response options: return the UID of every tag (the value 3M host software sends). */
  public static final int OPTIONS_UIDS = 0x05;

  public static final int BLOCK_SIZE = 4;
  private static final int MAX_BLOCKS_PER_READ = 32;

  private final FrameExchange<ThreeMFrame> link;

  public ThreeMReader(Transport transport) {
    this(transport, Duration.ofMillis(1500));
  }

  public ThreeMReader(Transport transport, Duration timeout) {
    this.link =
        new FrameExchange<>(
            transport,
            ThreeMFrameCodec.SYNTAX,
            ThreeMFrameCodec::decodeReply,
            timeout,
            "3M reader");
  }

  /** Sends one request and returns the reply for the same command, whatever its status. */
  public ThreeMFrame exchange(ThreeMFrame request) throws ReaderException {
    return link.exchange(
        ThreeMFrameCodec.encode(request),
        reply -> reply.command() == request.command() && reply.start() == request.start(),
        String.format("command 0x%02X", request.command()));
  }

  private byte[] ok(int command, byte[] data) throws ReaderException {
    ThreeMFrame reply = exchange(ThreeMFrame.request(command, data));
    if (reply.status() != ThreeMStatus.OK) {
      throw ThreeMStatus.toException(command, reply.status());
    }
    return reply.data();
  }

  /** An addressed request's reply data after the echoed UID, which must match. */
  private byte[] addressed(int command, TagUid uid, byte... tail) throws ReaderException {
    byte[] req = new byte[8 + tail.length];
    System.arraycopy(uid.msbFirst(), 0, req, 0, 8);
    System.arraycopy(tail, 0, req, 8, tail.length);
    byte[] d = ok(command, req);
    if (d.length < 8 || !TagUid.fromMsbFirst(d, 0).equals(uid)) {
      throw new ProtocolException(
          String.format("3M command 0x%02X: reply does not echo UID %s", command, uid));
    }
    return Arrays.copyOfRange(d, 8, d.length);
  }

  @Override
  public List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException {
    byte[] d = ok(CMD_INVENTORY, new byte[] {(byte) afi.orElse(0), (byte) OPTIONS_UIDS});
    return parseInventory(d);
  }

  /** {@code AFI options count [DSFID] UID...}: DSFID precedes each UID when option bit 1 is set. */
  static List<InventoryEntry> parseInventory(byte[] d) throws ProtocolException {
    if (d.length < 3) {
      throw new ProtocolException("3M inventory reply too short: " + d.length + " bytes");
    }
    int options = d[1] & 0xFF;
    int count = d[2] & 0xFF;
    boolean withDsfid = (options & 0x02) != 0;
    int per = withDsfid ? 9 : 8;
    if (d.length != 3 + count * per) {
      throw new ProtocolException(
          "3M inventory: " + count + " tags need " + (3 + count * per) + " bytes, got " + d.length);
    }
    List<InventoryEntry> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int p = 3 + i * per;
      int dsfid = withDsfid ? d[p] & 0xFF : 0;
      InventoryEntry e = new InventoryEntry(TagUid.fromMsbFirst(d, withDsfid ? p + 1 : p), dsfid);
      // The reader may report a tag twice when it missed the quiet command.
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  @Override
  public byte[] readBlocks(TagUid uid, int firstBlock, int count) throws ReaderException {
    return BlockRuns.read(
        firstBlock,
        count,
        MAX_BLOCKS_PER_READ,
        (block, n) ->
            parseBlocks(addressed(CMD_READ_MULTIBLOCK, uid, (byte) block, (byte) n), block, n));
  }

  /** Old-style reply: {@code count {number lock data(4)}}. */
  static byte[] parseBlocks(byte[] d, int first, int expected) throws ProtocolException {
    if (d.length < 1 || (d[0] & 0xFF) != expected || d.length != 1 + expected * 6) {
      throw new ProtocolException(
          "3M read multiblock: expected " + expected + " blocks, reply has " + d.length + " bytes");
    }
    byte[] out = new byte[expected * BLOCK_SIZE];
    for (int i = 0; i < expected; i++) {
      int p = 1 + i * 6;
      int nr = d[p] & 0xFF;
      if (nr != first + i) {
        throw new ProtocolException("3M read multiblock: block " + nr + " out of order");
      }
      System.arraycopy(d, p + 2, out, i * BLOCK_SIZE, BLOCK_SIZE);
    }
    return out;
  }

  @Override
  public void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException {
    if (data.length == 0 || data.length % BLOCK_SIZE != 0) {
      throw new IllegalArgumentException(
          "data length " + data.length + " is not a multiple of " + BLOCK_SIZE);
    }
    int count = data.length / BLOCK_SIZE;
    BlockRuns.checkRange(firstBlock, count);
    for (int done = 0; done < count; done += MAX_BLOCKS_PER_READ) {
      int n = Math.min(MAX_BLOCKS_PER_READ, count - done);
      byte[] tail = new byte[3 + n * BLOCK_SIZE];
      tail[0] = (byte) (firstBlock + done);
      tail[1] = (byte) n;
      System.arraycopy(data, done * BLOCK_SIZE, tail, 3, n * BLOCK_SIZE);
      addressed(CMD_WRITE_MULTIBLOCK, uid, tail);
    }
  }

  @Override
  public int readAfi(TagUid uid) throws ReaderException {
    byte[] d = addressed(CMD_GET_AFI, uid);
    if (d.length != 1) {
      throw new ProtocolException("3M get AFI: expected 1 byte after UID, got " + d.length);
    }
    return d[0] & 0xFF;
  }

  @Override
  public void writeAfi(TagUid uid, int afi) throws ReaderException {
    addressed(CMD_WRITE_AFI, uid, (byte) afi);
  }

  public void lockAfi(TagUid uid) throws ReaderException {
    addressed(CMD_LOCK_AFI, uid);
  }

  @Override
  public void setEas(TagUid uid, boolean on) throws ReaderException {
    addressed(CMD_EAS_CONTROL, uid, (byte) (on ? 1 : 0));
  }

  @Override
  public boolean easAlarm(TagUid uid) throws ReaderException {
    try {
      byte[] d = addressed(CMD_CHECK_EAS, uid);
      return d.length >= 1 && d[0] == 1;
    } catch (NoTagException silent) {
      // Per the specification a tag with EAS 0 does not answer: "no transponder" means 0.
      return false;
    }
  }

  @Override
  public SystemInfo systemInfo(TagUid uid) throws ReaderException {
    return parseTagInfo(uid, addressed(CMD_TAG_INFO, uid, (byte) 0x0F));
  }

  /** {@code infoAvail [DSFID] [AFI] [blockSize-1 blocks-1] [ICRef(2)]}. */
  static SystemInfo parseTagInfo(TagUid uid, byte[] d) throws ProtocolException {
    if (d.length < 1) {
      throw new ProtocolException("3M tag info: no info flags");
    }
    int avail = d[0] & 0xFF;
    int need = 1 + bit(avail, 0) + bit(avail, 1) + 2 * bit(avail, 2) + 2 * bit(avail, 3);
    if (d.length != need) {
      throw new ProtocolException("3M tag info: flags need " + need + " bytes, got " + d.length);
    }
    int p = 1;
    OptionalInt dsfid = OptionalInt.empty();
    OptionalInt afi = OptionalInt.empty();
    OptionalInt size = OptionalInt.empty();
    OptionalInt blocks = OptionalInt.empty();
    OptionalInt ic = OptionalInt.empty();
    if (bit(avail, 0) == 1) {
      dsfid = OptionalInt.of(d[p++] & 0xFF);
    }
    if (bit(avail, 1) == 1) {
      afi = OptionalInt.of(d[p++] & 0xFF);
    }
    if (bit(avail, 2) == 1) {
      size = OptionalInt.of((d[p++] & 0xFF) + 1);
      blocks = OptionalInt.of((d[p++] & 0xFF) + 1);
    }
    if (bit(avail, 3) == 1) {
      ic = OptionalInt.of(((d[p] & 0xFF) << 8) | (d[p + 1] & 0xFF));
    }
    return new SystemInfo(uid, dsfid, afi, size, blocks, ic);
  }

  private static int bit(int v, int b) {
    return (v >>> b) & 1;
  }

  @Override
  public ReaderInfo info() throws ReaderException {
    byte[] d = ok(CMD_VERSION, new byte[0]);
    if (d.length != 4) {
      throw new ProtocolException("3M reader version: expected 4 bytes, got " + d.length);
    }
    String version = String.format("%02d.%02d.%02d", d[1] & 0xFF, d[2] & 0xFF, d[3] & 0xFF);
    return new ReaderInfo("3M", String.format("family 0x%02X", d[0] & 0xFF), version, "");
  }

  /** Hardware version from the 0xD5 setup exchange that 3M host software sends first. */
  public String hardwareVersion() throws ReaderException {
    ThreeMFrame reply =
        exchange(
            new ThreeMFrame(
                ThreeMFrame.SETUP_START, SETUP_HARDWARE_VERSION, -1, new byte[] {0x00, 0x11}));
    byte[] d = reply.data();
    if (reply.status() != 0 || d.length != 5) {
      throw new ProtocolException("3M hardware version: unexpected reply " + reply);
    }
    return String.format("%d.%d.%d.%d", d[1] & 0xFF, d[2] & 0xFF, d[3] & 0xFF, d[4] & 0xFF);
  }

  /**
   * Sends an ISO 15693 air request through the reader (command 0x14); the reader adds and checks
   * the air CRC.
   */
  public Iso15693Response transceive(Iso15693Request request, int maxReceive)
      throws ReaderException {
    byte[] air = request.encode(false);
    byte[] req = new byte[6 + air.length];
    req[0] = (byte) (air.length >>> 8);
    req[1] = (byte) air.length;
    req[2] = (byte) (maxReceive >>> 8);
    req[3] = (byte) maxReceive;
    System.arraycopy(air, 0, req, 6, air.length);
    byte[] d = ok(CMD_PASS_THROUGH, req);
    if (d.length < 3) {
      throw new ProtocolException("3M pass-through reply too short");
    }
    int size = ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
    if (d.length != 3 + size) {
      throw new ProtocolException("3M pass-through: size " + size + " but " + (d.length - 3));
    }
    if (size == 0) {
      throw new NoTagException("3M pass-through: no tag answered");
    }
    return Iso15693Response.decode(Arrays.copyOfRange(d, 3, d.length), false);
  }

  @Override
  public void close() {
    link.close();
  }
}
