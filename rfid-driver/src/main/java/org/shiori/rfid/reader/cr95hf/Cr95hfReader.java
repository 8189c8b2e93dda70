package org.shiori.rfid.reader.cr95hf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.shiori.rfid.frame.FrameExchange;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;
import org.shiori.rfid.reader.BlockRuns;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.ReaderInfo;
import org.shiori.rfid.reader.RfException;
import org.shiori.rfid.reader.SystemInfo;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.Transport;

/**
 * ST CR95HF front end over its UART (optional cheap Raspberry Pi reader). The chip only sends and
 * receives raw ISO 15693 frames, so this class runs the anticollision itself: a one-slot inventory,
 * and on a collision the mask is extended by 4 bits (16 sub-inventories).
 */
public final class Cr95hfReader implements TagReader {
  public static final int CMD_IDN = 0x01;
  public static final int CMD_PROTOCOL_SELECT = 0x02;
  public static final int CMD_SEND_RECV = 0x04;
  public static final int RESULT_OK = 0x00;
  public static final int RESULT_FRAME = 0x80;
  public static final int RESULT_NO_TAG = 0x87;
  public static final int PROTOCOL_ISO15693 = 0x01;

  /** 26 kbps, wait for SOF, 10 % modulation, single subcarrier, chip appends the CRC. */
  public static final int ISO15693_PARAMETERS = 0x0D;

  /** Trailer byte after a received tag frame: bit 0 collision, bit 1 CRC error. */
  public static final int STATUS_COLLISION = 0x01;

  public static final int STATUS_CRC_ERROR = 0x02;
  private static final int MAX_BLOCKS_PER_READ = 32;

  /** Inventory requests per anticollision run; 64 tags need well under this. */
  private static final int MAX_INVENTORY_ROUNDS = 2048;

  private final FrameExchange<Cr95hfFrame> link;
  private final Map<TagUid, Integer> blockSizes = new ConcurrentHashMap<>();
  private volatile boolean protocolSelected;

  public Cr95hfReader(Transport transport) {
    this(transport, Duration.ofMillis(500));
  }

  public Cr95hfReader(Transport transport, Duration timeout) {
    this.link =
        new FrameExchange<>(
            transport, Cr95hfFrameCodec.SYNTAX, Cr95hfFrameCodec::decode, timeout, "CR95HF");
  }

  private Cr95hfFrame command(int code, byte[] data) throws ReaderException {
    // Replies carry no command code: the only reply to wait for is the next frame.
    return link.exchange(
        Cr95hfFrameCodec.encode(new Cr95hfFrame(code, data)),
        reply -> true,
        String.format("command 0x%02X", code));
  }

  private void selectIso15693() throws ReaderException {
    if (protocolSelected) {
      return;
    }
    Cr95hfFrame r =
        command(CMD_PROTOCOL_SELECT, new byte[] {PROTOCOL_ISO15693, (byte) ISO15693_PARAMETERS});
    if (r.code() != RESULT_OK) {
      throw new ProtocolException(
          String.format("CR95HF refused ISO 15693 protocol select: %02X", r.code()), r.code());
    }
    protocolSelected = true;
  }

  /** A received air frame: the tag's reply (CRC checked) and whether replies collided. */
  record AirReply(Iso15693Response response, boolean collision) {}

  /** Sends one ISO 15693 request; empty result when no tag answered. */
  AirReply send(Iso15693Request request) throws ReaderException {
    selectIso15693();
    Cr95hfFrame r = command(CMD_SEND_RECV, request.encode(false));
    if (r.code() == RESULT_NO_TAG) {
      return null;
    }
    if (r.code() != RESULT_FRAME) {
      throw new RfException(String.format("CR95HF air error %02X", r.code()), r.code());
    }
    byte[] d = r.data();
    if (d.length < 1) {
      throw new ProtocolException("CR95HF frame without status byte");
    }
    int status = d[d.length - 1] & 0xFF;
    if ((status & STATUS_COLLISION) != 0) {
      return new AirReply(null, true);
    }
    if ((status & STATUS_CRC_ERROR) != 0) {
      throw new RfException("CR95HF: tag reply with CRC error", status);
    }
    return new AirReply(Iso15693Response.decode(Arrays.copyOf(d, d.length - 1), true), false);
  }

  /** An addressed request that must be answered. */
  private byte[] addressed(String what, int command, TagUid uid, byte... params)
      throws ReaderException {
    AirReply r = send(Iso15693Request.addressed(command, uid, params));
    if (r == null) {
      throw new NoTagException("CR95HF " + what + ": no answer from " + uid);
    }
    if (r.collision()) {
      throw new RfException("CR95HF " + what + ": collision");
    }
    return r.response().dataOrThrow("CR95HF " + what);
  }

  @Override
  public List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException {
    List<InventoryEntry> out = new ArrayList<>();
    collect(afi, 0, 0L, out, new int[] {0});
    return out;
  }

  private void collect(
      OptionalInt afi, int maskLength, long mask, List<InventoryEntry> out, int[] rounds)
      throws ReaderException {
    // A front end that reports collisions for ever must not keep us here for ever.
    if (++rounds[0] > MAX_INVENTORY_ROUNDS) {
      throw new RfException("CR95HF anticollision did not settle after " + MAX_INVENTORY_ROUNDS);
    }
    AirReply r = send(Iso15693Request.inventory(afi, maskLength, mask));
    if (r == null) {
      return;
    }
    if (r.collision()) {
      if (maskLength >= 64) {
        throw new RfException("CR95HF anticollision: identical UIDs in the field");
      }
      for (long nibble = 0; nibble < 16; nibble++) {
        collect(afi, maskLength + 4, mask | (nibble << maskLength), out, rounds);
      }
      return;
    }
    byte[] d = r.response().dataOrThrow("inventory");
    if (d.length != 9) {
      throw new ProtocolException("ISO 15693 inventory reply must be DSFID + UID");
    }
    InventoryEntry e = new InventoryEntry(TagUid.fromLsbFirst(d, 1), d[0] & 0xFF);
    if (!out.contains(e)) {
      out.add(e);
    }
  }

  private int blockSize(TagUid uid) {
    return blockSizes.getOrDefault(uid, defaultBlockSize());
  }

  @Override
  public byte[] readBlocks(TagUid uid, int firstBlock, int count) throws ReaderException {
    return BlockRuns.read(
        firstBlock,
        count,
        MAX_BLOCKS_PER_READ,
        (block, n) -> {
          byte[] d =
              addressed(
                  "read blocks", Iso15693Request.READ_MULTIPLE, uid, (byte) block, (byte) (n - 1));
          if (d.length == 0 || d.length % n != 0) {
            throw new ProtocolException("CR95HF read blocks: " + d.length + " bytes for " + n);
          }
          return d;
        });
  }

  @Override
  public void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException {
    int size = blockSize(uid);
    int count = BlockRuns.wholeBlocks(uid, size, data);
    // Write single block: NXP SLIX tags do not implement write multiple blocks.
    for (int b = 0; b < count; b++) {
      byte[] params = new byte[1 + size];
      params[0] = (byte) (firstBlock + b);
      System.arraycopy(data, b * size, params, 1, size);
      addressed("write block", Iso15693Request.WRITE_SINGLE, uid, params);
    }
  }

  @Override
  public int readAfi(TagUid uid) throws ReaderException {
    return systemInfo(uid).afi().orElseThrow(() -> new ProtocolException("tag reports no AFI"));
  }

  @Override
  public void writeAfi(TagUid uid, int afi) throws ReaderException {
    addressed("write AFI", Iso15693Request.WRITE_AFI, uid, (byte) afi);
  }

  @Override
  public void setEas(TagUid uid, boolean on) throws ReaderException {
    addressed(
        on ? "set EAS" : "reset EAS",
        on ? Iso15693Request.NXP_SET_EAS : Iso15693Request.NXP_RESET_EAS,
        uid);
  }

  @Override
  public boolean easAlarm(TagUid uid) throws ReaderException {
    AirReply r = send(Iso15693Request.addressed(Iso15693Request.NXP_EAS_ALARM, uid));
    return r != null && (r.collision() || !r.response().isError());
  }

  @Override
  public SystemInfo systemInfo(TagUid uid) throws ReaderException {
    SystemInfo info =
        parseSystemInfo(addressed("system info", Iso15693Request.GET_SYSTEM_INFO, uid));
    info.blockSize().ifPresent(s -> blockSizes.put(uid, s));
    return info;
  }

  /** ISO 15693 layout: {@code infoflags UID(LSB first) [DSFID] [AFI] [blocks-1 size-1] [IC]}. */
  static SystemInfo parseSystemInfo(byte[] d) throws ProtocolException {
    if (d.length < 9) {
      throw new ProtocolException("system info too short");
    }
    int flags = d[0] & 0xFF;
    int p = 9;
    int need = 9 + (flags & 1) + ((flags >> 1) & 1) + 2 * ((flags >> 2) & 1) + ((flags >> 3) & 1);
    if (d.length < need) {
      throw new ProtocolException("system info flags need " + need + " bytes, got " + d.length);
    }
    OptionalInt dsfid = OptionalInt.empty();
    OptionalInt afi = OptionalInt.empty();
    OptionalInt blocks = OptionalInt.empty();
    OptionalInt size = OptionalInt.empty();
    OptionalInt ic = OptionalInt.empty();
    if ((flags & 1) != 0) {
      dsfid = OptionalInt.of(d[p++] & 0xFF);
    }
    if ((flags & 2) != 0) {
      afi = OptionalInt.of(d[p++] & 0xFF);
    }
    if ((flags & 4) != 0) {
      blocks = OptionalInt.of((d[p++] & 0xFF) + 1);
      size = OptionalInt.of((d[p++] & 0x1F) + 1);
    }
    if ((flags & 8) != 0) {
      ic = OptionalInt.of(d[p] & 0xFF);
    }
    return new SystemInfo(TagUid.fromLsbFirst(d, 1), dsfid, afi, size, blocks, ic);
  }

  @Override
  public ReaderInfo info() throws ReaderException {
    Cr95hfFrame r = command(CMD_IDN, new byte[0]);
    if (r.code() != RESULT_OK || r.data().length < 2) {
      throw new ProtocolException("CR95HF IDN: unexpected reply " + r);
    }
    byte[] d = r.data();
    int end = 0;
    while (end < d.length - 2 && d[end] != 0) {
      end++;
    }
    String name = new String(d, 0, end, StandardCharsets.US_ASCII);
    return new ReaderInfo("ST", "CR95HF", name, "");
  }

  @Override
  public void close() {
    link.close();
  }
}
