package org.shiori.rfid.reader.feig;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.shiori.rfid.frame.FrameExchange;
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
 * FEIG OBID reader (ID ISC.MR/PR101, LRM, CPR.M02) in ISO-host mode. Facts from the classic-pro
 * manual H20800: [0xB0] ISO host commands, [0xB1] NXP EAS commands on ISC readers, status codes.
 */
public final class FeigReader implements TagReader {
  public static final int CMD_SOFTWARE_VERSION = 0x65;
  public static final int CMD_RF_RESET = 0x69;
  public static final int CMD_READ_CONFIGURATION = 0x80;
  public static final int CMD_ISO = 0xB0;
  public static final int CMD_MANUFACTURER = 0xB1;
  public static final int ISO_INVENTORY = 0x01;
  public static final int ISO_READ_MULTIPLE = 0x23;
  public static final int ISO_WRITE_MULTIPLE = 0x24;
  public static final int ISO_WRITE_AFI = 0x27;
  public static final int ISO_LOCK_AFI = 0x28;
  public static final int ISO_SYSTEM_INFO = 0x2B;
  public static final int MFR_NXP = 0x04;
  public static final int NXP_SET_EAS = 0xA2;
  public static final int NXP_RESET_EAS = 0xA3;
  public static final int NXP_EAS_ALARM = 0xA5;
  public static final int MODE_ADDRESSED = 0x01;
  public static final int MODE_INVENTORY_AFI = 0x10;
  public static final int MODE_INVENTORY_MORE = 0x80;
  public static final int TR_TYPE_ISO15693 = 0x03;

  /** A single [0xB0] read may carry at most 128 data bytes (manual 7.1.3). */
  private static final int MAX_DATA_PER_READ = 128;

  private static final int MAX_MORE_ROUNDS = 64;

  /** Default protocol start synchronization time of FEIG readers. */
  public static final Duration DEFAULT_PSST = Duration.ofMillis(5);

  /** ISO 15693 allows up to 32-byte blocks; anything larger in a reply is corruption. */
  private static final int MAX_BLOCK_SIZE = 32;

  private final int busAddress;
  private final FrameExchange<FeigFrame> link;
  private final Map<TagUid, Integer> blockSizes = new ConcurrentHashMap<>();

  public FeigReader(Transport transport, int busAddress) {
    this(transport, busAddress, Duration.ofMillis(1500));
  }

  public FeigReader(Transport transport, int busAddress, Duration timeout) {
    this(transport, busAddress, timeout, DEFAULT_PSST);
  }

  /**
   * @param psst quiet time after a reply before the next request (manual 3.1, CFG1 PSST); the
   *     reader ignores a request that comes sooner
   */
  public FeigReader(Transport transport, int busAddress, Duration timeout, Duration psst) {
    if (busAddress < 0 || busAddress > 0xFF) {
      throw new IllegalArgumentException("bus address must be 0..255, got " + busAddress);
    }
    this.busAddress = busAddress;
    this.link =
        new FrameExchange<>(
            transport,
            FeigFrameCodec.SYNTAX,
            FeigFrameCodec::decodeReply,
            timeout,
            "FEIG reader",
            psst);
  }

  /** Sends one request and returns the matching reply, whatever its status. */
  public FeigFrame exchange(int command, byte[] data) throws ReaderException {
    byte[] request = FeigFrameCodec.encode(FeigFrame.request(busAddress, command, data));
    return link.exchange(
        request,
        reply ->
            reply.command() == command
                && (busAddress == FeigFrame.BROADCAST || reply.busAddress() == busAddress),
        String.format("command 0x%02X", command));
  }

  private FeigFrame exchangeOk(int command, byte[] data) throws ReaderException {
    FeigFrame reply = exchange(command, data);
    if (reply.status() != FeigStatus.OK) {
      throw FeigStatus.toException(command, reply.status(), reply.data());
    }
    return reply;
  }

  private FeigFrame iso(byte[] data) throws ReaderException {
    return exchangeOk(CMD_ISO, data);
  }

  @Override
  public List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException {
    List<InventoryEntry> tags = new ArrayList<>();
    int mode = afi.isPresent() ? MODE_INVENTORY_AFI : 0;
    for (int round = 0; round < MAX_MORE_ROUNDS; round++) {
      byte[] req =
          afi.isPresent()
              ? new byte[] {ISO_INVENTORY, (byte) mode, (byte) afi.getAsInt()}
              : new byte[] {ISO_INVENTORY, (byte) mode};
      FeigFrame reply = exchange(CMD_ISO, req);
      int status = reply.status();
      if (status == FeigStatus.NO_TRANSPONDER) {
        return tags;
      }
      if (status != FeigStatus.OK
          && status != FeigStatus.MORE_DATA
          && status != FeigStatus.RF_COMMUNICATION_ERROR) {
        throw FeigStatus.toException(CMD_ISO, status, reply.data());
      }
      parseInventory(reply.data(), tags);
      if (status != FeigStatus.MORE_DATA) {
        return tags;
      }
      mode |= MODE_INVENTORY_MORE;
    }
    throw new ProtocolException("FEIG reader kept answering 'more data'");
  }

  /** Parses {@code DATA-SETS {TR-TYPE DSFID UID}}; ISO 15693 data sets only. */
  static void parseInventory(byte[] d, List<InventoryEntry> out) throws ProtocolException {
    if (d.length == 0) {
      return;
    }
    int sets = d[0] & 0xFF;
    if (d.length != 1 + sets * 10) {
      throw new ProtocolException(
          "FEIG inventory: "
              + sets
              + " data sets need "
              + (1 + sets * 10)
              + " bytes, got "
              + d.length);
    }
    for (int i = 0; i < sets; i++) {
      int p = 1 + i * 10;
      int trType = d[p] & 0xFF;
      if (trType != TR_TYPE_ISO15693) {
        throw new ProtocolException(String.format("FEIG inventory: TR-TYPE 0x%02X", trType));
      }
      out.add(new InventoryEntry(TagUid.fromMsbFirst(d, p + 2), d[p + 1] & 0xFF));
    }
  }

  private static byte[] addressed(int isoCommand, TagUid uid, byte... tail) {
    byte[] out = new byte[2 + 8 + tail.length];
    out[0] = (byte) isoCommand;
    out[1] = MODE_ADDRESSED;
    System.arraycopy(uid.msbFirst(), 0, out, 2, 8);
    System.arraycopy(tail, 0, out, 10, tail.length);
    return out;
  }

  @Override
  public byte[] readBlocks(TagUid uid, int firstBlock, int count) throws ReaderException {
    return BlockRuns.read(
        firstBlock,
        count,
        MAX_DATA_PER_READ / blockSize(uid),
        (block, n) -> {
          byte[] d = iso(addressed(ISO_READ_MULTIPLE, uid, (byte) block, (byte) n)).data();
          byte[] chunk = parseBlocks(d, n);
          blockSizes.put(uid, chunk.length / n);
          return chunk;
        });
  }

  /** {@code DB-N DB-SIZE {SEC-STATUS DB}}; block bytes arrive reversed in ISO-host mode. */
  static byte[] parseBlocks(byte[] d, int expected) throws ProtocolException {
    if (d.length < 2) {
      throw new ProtocolException("FEIG read blocks: reply too short");
    }
    int n = d[0] & 0xFF;
    int size = d[1] & 0xFF;
    if (n != expected || size == 0 || size > MAX_BLOCK_SIZE || d.length != 2 + n * (size + 1)) {
      throw new ProtocolException(
          "FEIG read blocks: asked "
              + expected
              + ", got DB-N="
              + n
              + " DB-SIZE="
              + size
              + " in "
              + d.length
              + " bytes");
    }
    byte[] out = new byte[n * size];
    for (int b = 0; b < n; b++) {
      int src = 2 + b * (size + 1) + 1;
      for (int i = 0; i < size; i++) {
        out[b * size + i] = d[src + size - 1 - i];
      }
    }
    return out;
  }

  @Override
  public void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException {
    // The block size comes from the tag itself (system info or an earlier read).
    int size = blockSize(uid);
    int count = BlockRuns.wholeBlocks(uid, size, data);
    BlockRuns.checkRange(firstBlock, count);
    int perWrite = MAX_DATA_PER_READ / size;
    for (int done = 0; done < count; done += perWrite) {
      int n = Math.min(perWrite, count - done);
      byte[] tail = new byte[3 + n * size];
      tail[0] = (byte) (firstBlock + done);
      tail[1] = (byte) n;
      tail[2] = (byte) size;
      for (int b = 0; b < n; b++) {
        for (int i = 0; i < size; i++) {
          tail[3 + b * size + i] = data[(done + b) * size + size - 1 - i];
        }
      }
      iso(addressed(ISO_WRITE_MULTIPLE, uid, tail));
    }
  }

  private int blockSize(TagUid uid) {
    return blockSizes.getOrDefault(uid, defaultBlockSize());
  }

  @Override
  public int readAfi(TagUid uid) throws ReaderException {
    return systemInfo(uid).afi().orElseThrow(() -> new ProtocolException("tag reports no AFI"));
  }

  @Override
  public void writeAfi(TagUid uid, int afi) throws ReaderException {
    iso(addressed(ISO_WRITE_AFI, uid, (byte) afi));
  }

  public void lockAfi(TagUid uid) throws ReaderException {
    iso(addressed(ISO_LOCK_AFI, uid));
  }

  @Override
  public SystemInfo systemInfo(TagUid uid) throws ReaderException {
    byte[] d = iso(addressed(ISO_SYSTEM_INFO, uid)).data();
    SystemInfo info = parseSystemInfo(d);
    info.blockSize().ifPresent(s -> blockSizes.put(uid, s));
    return info;
  }

  /** {@code DSFID UID(8) AFI MEM-SIZE(2) IC-REF}; MEM-SIZE as in ISO 15693 (size-1, count-1). */
  static SystemInfo parseSystemInfo(byte[] d) throws ProtocolException {
    if (d.length != 13) {
      throw new ProtocolException("FEIG system info: expected 13 bytes, got " + d.length);
    }
    int memHi = d[10] & 0xFF;
    int memLo = d[11] & 0xFF;
    boolean hasMem = memHi != 0 || memLo != 0;
    // (memHi & 0x1F) + 1 is at most 32 bytes, so a learned block size is always usable.
    return new SystemInfo(
        TagUid.fromMsbFirst(d, 1),
        OptionalInt.of(d[0] & 0xFF),
        OptionalInt.of(d[9] & 0xFF),
        hasMem ? OptionalInt.of((memHi & 0x1F) + 1) : OptionalInt.empty(),
        hasMem ? OptionalInt.of(memLo + 1) : OptionalInt.empty(),
        OptionalInt.of(d[12] & 0xFF));
  }

  private byte[] nxp(int nxpCommand, TagUid uid) {
    byte[] out = new byte[3 + 8];
    out[0] = MFR_NXP;
    out[1] = (byte) nxpCommand;
    out[2] = MODE_ADDRESSED;
    System.arraycopy(uid.msbFirst(), 0, out, 3, 8);
    return out;
  }

  @Override
  public void setEas(TagUid uid, boolean on) throws ReaderException {
    exchangeOk(CMD_MANUFACTURER, nxp(on ? NXP_SET_EAS : NXP_RESET_EAS, uid));
  }

  @Override
  public boolean easAlarm(TagUid uid) throws ReaderException {
    try {
      exchangeOk(CMD_MANUFACTURER, nxp(NXP_EAS_ALARM, uid));
      return true;
    } catch (NoTagException silent) {
      // A tag with EAS reset stays silent: status "no transponder" means "no alarm".
      return false;
    }
  }

  /** Switches the RF field off and on again, so every tag answers the next inventory. */
  public void rfReset() throws ReaderException {
    exchangeOk(CMD_RF_RESET, new byte[0]);
  }

  /** Raw configuration block {@code cfgAddress} (14 bytes of CFG-REC). */
  public byte[] readConfiguration(int cfgAddress) throws ReaderException {
    return exchangeOk(CMD_READ_CONFIGURATION, new byte[] {(byte) cfgAddress}).data();
  }

  @Override
  public ReaderInfo info() throws ReaderException {
    byte[] d = exchangeOk(CMD_SOFTWARE_VERSION, new byte[0]).data();
    if (d.length < 7) {
      throw new ProtocolException("FEIG software version: expected 7 bytes, got " + d.length);
    }
    String version = String.format("%d.%d.%d", d[0] & 0xFF, d[1] & 0xFF, d[2] & 0xFF);
    String model = String.format("SW-TYPE 0x%02X", d[4] & 0xFF);
    String details =
        String.format(
            "HW-TYPE 0x%02X TR-TYPE 0x%02X%02X raw %s",
            d[3] & 0xFF, d[5] & 0xFF, d[6] & 0xFF, HexFormat.of().withUpperCase().formatHex(d));
    return new ReaderInfo("FEIG", model, version, details);
  }

  @Override
  public void close() {
    link.close();
  }
}
