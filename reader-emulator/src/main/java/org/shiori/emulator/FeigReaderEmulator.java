package org.shiori.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.shiori.rfid.iso15693.Iso15693Error;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.feig.FeigFrame;
import org.shiori.rfid.reader.feig.FeigFrameCodec;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.reader.feig.FeigStatus;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.Transport;

/** A FEIG ISC/CPR reader in ISO-host mode with NXP EAS support, speaking the real frame format. */
public final class FeigReaderEmulator extends ReaderEmulator {
  /** Firmware answer to [0x65]: SW-REV 03.05, D-REV 00, HW-TYPE, SW-TYPE, TR-TYPE. */
  private static final byte[] SOFTWARE_VERSION = {0x03, 0x05, 0x00, 0x00, 0x4C, 0x00, 0x08};

  private final int busAddress;
  private final Deque<VirtualTag> pendingMore = new ArrayDeque<>();
  private volatile int maxDataSetsPerReply = 24;
  private final byte[][] configuration = new byte[64][14];

  public FeigReaderEmulator(Transport transport, TagField field, int busAddress) {
    super(transport, field, FeigFrameCodec.SYNTAX, "feig-emulator");
    this.busAddress = busAddress;
  }

  /** Data sets per inventory reply before the reader answers 0x94 "more data". */
  public void setMaxDataSetsPerReply(int n) {
    this.maxDataSetsPerReply = n;
  }

  @Override
  public FeigReaderEmulator start() {
    super.start();
    return this;
  }

  @Override
  protected Duration airTime(byte[] request, Iso15693AirTime air) throws ProtocolException {
    FeigFrame req = FeigFrameCodec.decodeRequest(request);
    byte[] d = req.data();
    if (req.command() == FeigReader.CMD_MANUFACTURER && d.length == 11) {
      Optional<VirtualTag> tag = field().find(TagUid.fromMsbFirst(d, 3));
      return (d[1] & 0xFF) == FeigReader.NXP_EAS_ALARM
          ? air.easAlarm(tag.map(VirtualTag::eas).orElse(false))
          : air.writeWithoutData(1);
    }
    if (req.command() != FeigReader.CMD_ISO || d.length < 2) {
      return Duration.ZERO;
    }
    int cmd = d[0] & 0xFF;
    if (cmd == FeigReader.ISO_INVENTORY) {
      int mode = d[1] & 0xFF;
      if ((mode & FeigReader.MODE_INVENTORY_MORE) != 0) {
        return Duration.ZERO; // the rest of the last round, from the reader's buffer
      }
      boolean filter = (mode & FeigReader.MODE_INVENTORY_AFI) != 0 && d.length >= 3;
      List<TagUid> answering = new ArrayList<>();
      for (VirtualTag t : field().tags()) {
        if (!filter || t.afi() == (d[2] & 0xFF)) {
          answering.add(t.uid());
        }
      }
      return air.inventory(answering, filter);
    }
    if (d.length < 10) {
      return Duration.ZERO;
    }
    Optional<VirtualTag> tag = field().find(TagUid.fromMsbFirst(d, 2));
    int blockSize = tag.map(VirtualTag::blockSize).orElse(4);
    switch (cmd) {
      case FeigReader.ISO_READ_MULTIPLE:
        return d.length >= 12 ? air.readBlocks(d[11] & 0xFF, blockSize) : Duration.ZERO;
      case FeigReader.ISO_WRITE_MULTIPLE:
        return d.length >= 12 ? air.writeBlocks(d[11] & 0xFF, blockSize) : Duration.ZERO;
      case FeigReader.ISO_WRITE_AFI:
        return air.writeWithoutData(1);
      case FeigReader.ISO_LOCK_AFI:
        return air.writeWithoutData(0);
      case FeigReader.ISO_SYSTEM_INFO:
        return air.systemInfo();
      default:
        return Duration.ZERO;
    }
  }

  @Override
  protected byte[] noTagReply(byte[] request) throws ProtocolException {
    FeigFrame req = FeigFrameCodec.decodeRequest(request);
    return reply(req, FeigStatus.NO_TRANSPONDER, new byte[0]);
  }

  @Override
  protected byte[] answer(byte[] request) throws ProtocolException {
    FeigFrame req = FeigFrameCodec.decodeRequest(request);
    if (req.busAddress() != busAddress && req.busAddress() != FeigFrame.BROADCAST) {
      return null;
    }
    byte[] d = req.data();
    switch (req.command()) {
      case FeigReader.CMD_SOFTWARE_VERSION:
        return reply(req, FeigStatus.OK, SOFTWARE_VERSION);
      case FeigReader.CMD_RF_RESET:
        return reply(req, FeigStatus.OK, new byte[0]);
      case FeigReader.CMD_READ_CONFIGURATION:
        if (d.length != 1) {
          return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
        }
        return reply(req, FeigStatus.OK, configuration[d[0] & 0x3F].clone());
      case FeigReader.CMD_ISO:
        return d.length == 0 ? reply(req, FeigStatus.LENGTH_ERROR, new byte[0]) : iso(req, d);
      case FeigReader.CMD_MANUFACTURER:
        return manufacturer(req, d);
      default:
        return reply(req, FeigStatus.UNKNOWN_COMMAND, new byte[0]);
    }
  }

  private byte[] reply(FeigFrame req, int status, byte[] data) {
    return FeigFrameCodec.encode(FeigFrame.reply(busAddress, req.command(), status, data));
  }

  private byte[] iso(FeigFrame req, byte[] d) {
    int cmd = d[0] & 0xFF;
    if (cmd == FeigReader.ISO_INVENTORY) {
      return inventory(req, d);
    }
    if (d.length < 2) {
      return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
    }
    if ((d[1] & 0x07) != FeigReader.MODE_ADDRESSED || d.length < 10) {
      return reply(req, FeigStatus.PARAMETER_RANGE, new byte[0]);
    }
    Optional<VirtualTag> tag = field().find(TagUid.fromMsbFirst(d, 2));
    if (tag.isEmpty()) {
      return reply(req, FeigStatus.NO_TRANSPONDER, new byte[0]);
    }
    byte[] args = Arrays.copyOfRange(d, 10, d.length);
    switch (cmd) {
      case FeigReader.ISO_READ_MULTIPLE:
        return readBlocks(req, tag.get(), args);
      case FeigReader.ISO_WRITE_MULTIPLE:
        return writeBlocks(req, tag.get(), args);
      case FeigReader.ISO_WRITE_AFI:
        if (args.length != 1) {
          return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
        }
        return result(req, tag.get().setAfi(args[0] & 0xFF), -1);
      case FeigReader.ISO_LOCK_AFI:
        return result(req, tag.get().lockAfi(), -1);
      case FeigReader.ISO_SYSTEM_INFO:
        return reply(req, FeigStatus.OK, systemInfo(tag.get()));
      default:
        return reply(req, FeigStatus.UNKNOWN_COMMAND, new byte[0]);
    }
  }

  private byte[] inventory(FeigFrame req, byte[] d) {
    if (d.length < 2) {
      return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
    }
    int mode = d[1] & 0xFF;
    List<VirtualTag> batch = new ArrayList<>();
    synchronized (pendingMore) {
      if ((mode & FeigReader.MODE_INVENTORY_MORE) == 0) {
        pendingMore.clear();
        boolean filter = (mode & FeigReader.MODE_INVENTORY_AFI) != 0;
        if (filter && d.length < 3) {
          return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
        }
        for (VirtualTag t : field().tags()) {
          if (!filter || t.afi() == (d[2] & 0xFF)) {
            pendingMore.add(t);
          }
        }
      }
      while (!pendingMore.isEmpty() && batch.size() < maxDataSetsPerReply) {
        batch.add(pendingMore.poll());
      }
      if (batch.isEmpty()) {
        return reply(req, FeigStatus.NO_TRANSPONDER, new byte[0]);
      }
      byte[] out = new byte[1 + batch.size() * 10];
      out[0] = (byte) batch.size();
      for (int i = 0; i < batch.size(); i++) {
        VirtualTag t = batch.get(i);
        out[1 + i * 10] = FeigReader.TR_TYPE_ISO15693;
        out[2 + i * 10] = (byte) t.dsfid();
        System.arraycopy(t.uid().msbFirst(), 0, out, 3 + i * 10, 8);
      }
      int status = pendingMore.isEmpty() ? FeigStatus.OK : FeigStatus.MORE_DATA;
      return reply(req, status, out);
    }
  }

  private byte[] readBlocks(FeigFrame req, VirtualTag tag, byte[] args) {
    if (args.length != 2) {
      return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
    }
    int first = args[0] & 0xFF;
    int n = args[1] & 0xFF;
    int size = tag.blockSize();
    if (n * size > 128) {
      return reply(req, FeigStatus.PARAMETER_RANGE, new byte[0]);
    }
    byte[] data = tag.read(first, n);
    if (data == null) {
      return isoError(req, Iso15693Error.BLOCK_UNAVAILABLE, -1);
    }
    byte[] out = new byte[2 + n * (size + 1)];
    out[0] = (byte) n;
    out[1] = (byte) size;
    for (int b = 0; b < n; b++) {
      int dst = 2 + b * (size + 1);
      out[dst] = (byte) (tag.isBlockLocked(first + b) ? 1 : 0);
      for (int i = 0; i < size; i++) {
        out[dst + 1 + i] = data[b * size + size - 1 - i];
      }
    }
    return reply(req, FeigStatus.OK, out);
  }

  private byte[] writeBlocks(FeigFrame req, VirtualTag tag, byte[] args) {
    if (args.length < 3) {
      return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
    }
    int first = args[0] & 0xFF;
    int n = args[1] & 0xFF;
    int size = args[2] & 0xFF;
    if (size != tag.blockSize() || args.length != 3 + n * size || n == 0) {
      return reply(req, FeigStatus.LENGTH_ERROR, new byte[0]);
    }
    byte[] data = new byte[n * size];
    for (int b = 0; b < n; b++) {
      for (int i = 0; i < size; i++) {
        data[b * size + i] = args[3 + b * size + size - 1 - i];
      }
    }
    VirtualTag.WriteResult r = tag.write(first, data);
    int errorBlock = r == VirtualTag.WriteResult.LOCKED ? tag.firstLocked(first, n) : first;
    return result(req, r, errorBlock);
  }

  private byte[] result(FeigFrame req, VirtualTag.WriteResult r, int errorBlock) {
    switch (r) {
      case OK:
        return reply(req, FeigStatus.OK, new byte[0]);
      case LOCKED:
        return isoError(req, Iso15693Error.LOCKED, errorBlock);
      default:
        return isoError(req, Iso15693Error.BLOCK_UNAVAILABLE, errorBlock);
    }
  }

  private byte[] isoError(FeigFrame req, int isoError, int errorBlock) {
    byte[] data =
        errorBlock >= 0
            ? new byte[] {(byte) isoError, (byte) errorBlock}
            : new byte[] {(byte) isoError};
    return reply(req, FeigStatus.ISO_ERROR, data);
  }

  private static byte[] systemInfo(VirtualTag t) {
    byte[] out = new byte[13];
    out[0] = (byte) t.dsfid();
    System.arraycopy(t.uid().msbFirst(), 0, out, 1, 8);
    out[9] = (byte) t.afi();
    out[10] = (byte) (t.blockSize() - 1);
    out[11] = (byte) (t.blockCount() - 1);
    out[12] = (byte) t.icReference();
    return out;
  }

  private byte[] manufacturer(FeigFrame req, byte[] d) {
    if (d.length != 11 || (d[0] & 0xFF) != FeigReader.MFR_NXP) {
      return reply(req, FeigStatus.PARAMETER_RANGE, new byte[0]);
    }
    Optional<VirtualTag> tag = field().find(TagUid.fromMsbFirst(d, 3));
    if (tag.isEmpty()) {
      return reply(req, FeigStatus.NO_TRANSPONDER, new byte[0]);
    }
    switch (d[1] & 0xFF) {
      case FeigReader.NXP_SET_EAS:
        tag.get().setEas(true);
        return reply(req, FeigStatus.OK, new byte[0]);
      case FeigReader.NXP_RESET_EAS:
        tag.get().setEas(false);
        return reply(req, FeigStatus.OK, new byte[0]);
      case FeigReader.NXP_EAS_ALARM:
        return reply(req, tag.get().eas() ? FeigStatus.OK : FeigStatus.NO_TRANSPONDER, new byte[0]);
      default:
        return reply(req, FeigStatus.UNKNOWN_COMMAND, new byte[0]);
    }
  }
}
