package org.shiori.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.threem.ThreeMFrame;
import org.shiori.rfid.reader.threem.ThreeMFrameCodec;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.reader.threem.ThreeMStatus;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.Transport;

/** A 3M 810 / Model 210 reader speaking the 0xD6/0xD5 protocol, holding virtual tags. */
public final class ThreeMReaderEmulator extends ReaderEmulator {
  /** Firmware version answer to 0x11: family 0x0A, 03.02.06. */
  private static final byte[] FIRMWARE = {0x0A, 0x03, 0x02, 0x06};

  /** Hardware version answer to the 0xD5 setup exchange. */
  private static final byte[] HARDWARE = {0x11, 0x0A, 0x05, 0x00, 0x02};

  private final Iso15693TagResponder air;

  public ThreeMReaderEmulator(Transport transport, TagField field) {
    super(transport, field, ThreeMFrameCodec.SYNTAX, "3m-emulator");
    this.air = new Iso15693TagResponder(field);
  }

  @Override
  public ThreeMReaderEmulator start() {
    super.start();
    return this;
  }

  @Override
  protected byte[] noTagReply(byte[] request) throws ProtocolException {
    ThreeMFrame req = ThreeMFrameCodec.decodeRequest(request);
    byte[] d = req.data();
    byte[] echo = d.length >= 8 ? Arrays.copyOf(d, 8) : new byte[0];
    return reply(req, ThreeMStatus.NO_TRANSPONDER, echo);
  }

  /**
   * The 3M reader does its own inventory (16 slots with anticollision) and turns each addressed
   * command into the ISO 15693 one; a pass-through frame goes on air as it is.
   */
  @Override
  protected Duration airTime(byte[] request, Iso15693AirTime model) throws ProtocolException {
    ThreeMFrame req = ThreeMFrameCodec.decodeRequest(request);
    byte[] d = req.data();
    if (req.start() == ThreeMFrame.SETUP_START || req.command() == ThreeMReader.CMD_VERSION) {
      return Duration.ZERO;
    }
    if (req.command() == ThreeMReader.CMD_INVENTORY) {
      int afi = d.length == 2 ? d[0] & 0xFF : 0;
      List<TagUid> answering = new ArrayList<>();
      for (VirtualTag t : field().tags()) {
        if (afi == 0 || t.afi() == afi) {
          answering.add(t.uid());
        }
      }
      return model.inventory(answering, afi != 0);
    }
    if (req.command() == ThreeMReader.CMD_PASS_THROUGH) {
      Optional<Iso15693Request> raw = passThroughFrame(d);
      return raw.isEmpty() ? Duration.ZERO : RawIso15693.airTime(raw.get(), air, field(), model);
    }
    if (d.length < 8) {
      return Duration.ZERO;
    }
    TagUid uid = TagUid.fromMsbFirst(Arrays.copyOf(d, 8));
    byte[] args = Arrays.copyOfRange(d, 8, d.length);
    OptionalInt iso = isoCommand(req.command());
    if (iso.isEmpty()) {
      return Duration.ZERO;
    }
    byte[] params =
        iso.getAsInt() == Iso15693Request.READ_MULTIPLE && args.length >= 2
            ? new byte[] {args[0], (byte) ((args[1] & 0xFF) - 1)}
            : args;
    return RawIso15693.airTime(
        Iso15693Request.addressed(iso.getAsInt(), uid, params), air, field(), model);
  }

  /** The ISO 15693 command a 3M command sends to the tag. */
  private static OptionalInt isoCommand(int command) {
    switch (command) {
      case ThreeMReader.CMD_QUIET:
        return OptionalInt.of(Iso15693Request.STAY_QUIET);
      case ThreeMReader.CMD_READ_MULTIBLOCK:
        return OptionalInt.of(Iso15693Request.READ_MULTIPLE);
      case ThreeMReader.CMD_WRITE_MULTIBLOCK:
        return OptionalInt.of(Iso15693Request.WRITE_MULTIPLE);
      case ThreeMReader.CMD_WRITE_BLOCK:
        return OptionalInt.of(Iso15693Request.WRITE_SINGLE);
      case ThreeMReader.CMD_WRITE_AFI:
        return OptionalInt.of(Iso15693Request.WRITE_AFI);
      case ThreeMReader.CMD_LOCK_AFI:
        return OptionalInt.of(Iso15693Request.LOCK_AFI);
      case ThreeMReader.CMD_WRITE_DSFID:
        return OptionalInt.of(Iso15693Request.WRITE_DSFID);
      case ThreeMReader.CMD_CHECK_EAS:
        return OptionalInt.of(Iso15693Request.NXP_EAS_ALARM);
      case ThreeMReader.CMD_EAS_CONTROL:
        return OptionalInt.of(Iso15693Request.NXP_SET_EAS);
      case ThreeMReader.CMD_GET_AFI:
      case ThreeMReader.CMD_GET_DSFID:
      case ThreeMReader.CMD_TAG_INFO:
        return OptionalInt.of(Iso15693Request.GET_SYSTEM_INFO);
      default:
        return OptionalInt.empty();
    }
  }

  @Override
  protected byte[] answer(byte[] request) throws ProtocolException {
    ThreeMFrame req = ThreeMFrameCodec.decodeRequest(request);
    byte[] d = req.data();
    if (req.start() == ThreeMFrame.SETUP_START) {
      return reply(req, ThreeMStatus.OK, HARDWARE);
    }
    switch (req.command()) {
      case ThreeMReader.CMD_INVENTORY:
        return inventory(req, d);
      case ThreeMReader.CMD_VERSION:
        return reply(req, ThreeMStatus.OK, FIRMWARE);
      case ThreeMReader.CMD_PASS_THROUGH:
        return passThrough(req, d);
      default:
        return addressed(req, d);
    }
  }

  private byte[] reply(ThreeMFrame req, int status, byte[] data) {
    return ThreeMFrameCodec.encode(new ThreeMFrame(req.start(), req.command(), status, data));
  }

  private byte[] inventory(ThreeMFrame req, byte[] d) {
    if (d.length != 2) {
      return reply(req, ThreeMStatus.PARAM_ERROR, new byte[0]);
    }
    int afi = d[0] & 0xFF;
    int options = d[1] & 0xFF;
    boolean dsfid = (options & 0x02) != 0;
    List<VirtualTag> found = new ArrayList<>();
    for (VirtualTag t : field().tags()) {
      if (afi == 0 || t.afi() == afi) {
        found.add(t);
      }
    }
    int per = dsfid ? 9 : 8;
    byte[] out = new byte[3 + found.size() * per];
    out[0] = (byte) afi;
    out[1] = (byte) options;
    out[2] = (byte) found.size();
    for (int i = 0; i < found.size(); i++) {
      int p = 3 + i * per;
      if (dsfid) {
        out[p++] = (byte) found.get(i).dsfid();
      }
      System.arraycopy(found.get(i).uid().msbFirst(), 0, out, p, 8);
    }
    return reply(req, ThreeMStatus.OK, out);
  }

  private byte[] addressed(ThreeMFrame req, byte[] d) {
    if (d.length < 8) {
      return reply(req, ThreeMStatus.UNKNOWN_COMMAND, new byte[0]);
    }
    byte[] uid = Arrays.copyOf(d, 8);
    Optional<VirtualTag> found = field().find(TagUid.fromMsbFirst(uid));
    byte[] args = Arrays.copyOfRange(d, 8, d.length);
    if (found.isEmpty()) {
      return reply(req, ThreeMStatus.NO_TRANSPONDER, uid);
    }
    VirtualTag t = found.get();
    switch (req.command()) {
      case ThreeMReader.CMD_QUIET:
        return reply(req, ThreeMStatus.OK, uid);
      case ThreeMReader.CMD_READ_MULTIBLOCK:
        return readBlocks(req, uid, t, args);
      case ThreeMReader.CMD_WRITE_MULTIBLOCK:
        return writeBlocks(req, uid, t, args);
      case ThreeMReader.CMD_WRITE_BLOCK:
        return args.length != 5
            ? reply(req, ThreeMStatus.PARAM_ERROR, uid)
            : written(req, uid, t.write(args[0] & 0xFF, Arrays.copyOfRange(args, 1, 5)));
      case ThreeMReader.CMD_GET_AFI:
        return reply(req, ThreeMStatus.OK, concat(uid, (byte) t.afi()));
      case ThreeMReader.CMD_WRITE_AFI:
        return args.length != 1
            ? reply(req, ThreeMStatus.PARAM_ERROR, uid)
            : written(req, uid, t.setAfi(args[0] & 0xFF));
      case ThreeMReader.CMD_LOCK_AFI:
        return written(req, uid, t.lockAfi());
      case ThreeMReader.CMD_CHECK_EAS:
        return t.eas()
            ? reply(req, ThreeMStatus.OK, concat(uid, (byte) 1))
            : reply(req, ThreeMStatus.NO_TRANSPONDER, concat(uid, (byte) 0));
      case ThreeMReader.CMD_EAS_CONTROL:
        if (args.length != 1) {
          return reply(req, ThreeMStatus.PARAM_ERROR, uid);
        }
        t.setEas(args[0] != 0);
        return reply(req, ThreeMStatus.OK, uid);
      case ThreeMReader.CMD_GET_DSFID:
        return reply(req, ThreeMStatus.OK, concat(uid, (byte) t.dsfid()));
      case ThreeMReader.CMD_WRITE_DSFID:
        return args.length != 1
            ? reply(req, ThreeMStatus.PARAM_ERROR, uid)
            : written(req, uid, t.setDsfid(args[0] & 0xFF));
      case ThreeMReader.CMD_TAG_INFO:
        return reply(req, ThreeMStatus.OK, concat(uid, tagInfo(t, args)));
      default:
        return reply(req, ThreeMStatus.UNKNOWN_COMMAND, new byte[0]);
    }
  }

  private byte[] readBlocks(ThreeMFrame req, byte[] uid, VirtualTag t, byte[] args) {
    if (args.length < 2) {
      return reply(req, ThreeMStatus.PARAM_ERROR, uid);
    }
    int first = args[0] & 0xFF;
    int n = args[1] & 0xFF;
    byte[] data = t.blockSize() == ThreeMReader.BLOCK_SIZE ? t.read(first, n) : null;
    if (data == null) {
      return reply(req, ThreeMStatus.MEM_NOT_AVAILABLE, uid);
    }
    byte[] out = new byte[1 + n * 6];
    out[0] = (byte) n;
    for (int i = 0; i < n; i++) {
      out[1 + i * 6] = (byte) (first + i);
      out[2 + i * 6] = (byte) (t.isBlockLocked(first + i) ? 1 : 0);
      System.arraycopy(data, i * 4, out, 3 + i * 6, 4);
    }
    return reply(req, ThreeMStatus.OK, concat(uid, out));
  }

  private byte[] writeBlocks(ThreeMFrame req, byte[] uid, VirtualTag t, byte[] args) {
    if (args.length < 3 || args.length != 3 + (args[1] & 0xFF) * 4) {
      return reply(req, ThreeMStatus.PARAM_ERROR, uid);
    }
    return written(req, uid, t.write(args[0] & 0xFF, Arrays.copyOfRange(args, 3, args.length)));
  }

  private byte[] written(ThreeMFrame req, byte[] uid, VirtualTag.WriteResult r) {
    switch (r) {
      case OK:
        return reply(req, ThreeMStatus.OK, uid);
      case LOCKED:
        return reply(req, ThreeMStatus.MEM_LOCKED, uid);
      default:
        return reply(req, ThreeMStatus.MEM_NOT_AVAILABLE, uid);
    }
  }

  private static byte[] tagInfo(VirtualTag t, byte[] args) {
    int wanted = args.length > 0 ? args[0] & 0x0F : 0;
    byte[] out = new byte[7];
    int p = 1;
    if ((wanted & 1) != 0) {
      out[p++] = (byte) t.dsfid();
    }
    if ((wanted & 2) != 0) {
      out[p++] = (byte) t.afi();
    }
    if ((wanted & 4) != 0) {
      out[p++] = (byte) (t.blockSize() - 1);
      out[p++] = (byte) (t.blockCount() - 1);
    }
    if ((wanted & 8) != 0) {
      out[p++] = 0;
      out[p++] = (byte) t.icReference();
    }
    out[0] = (byte) wanted;
    return Arrays.copyOf(out, p);
  }

  /** The ISO 15693 frame inside a pass-through command, or empty when its sizes do not agree. */
  private static Optional<Iso15693Request> passThroughFrame(byte[] d) throws ProtocolException {
    if (d.length < 6) {
      return Optional.empty();
    }
    int sendSize = ((d[0] & 0xFF) << 8) | (d[1] & 0xFF);
    int control = ((d[4] & 0xFF) << 8) | (d[5] & 0xFF);
    int off = (control & 0x8000) != 0 ? 7 : 6;
    if (d.length != off + sendSize) {
      return Optional.empty();
    }
    return Optional.of(Iso15693Request.decode(Arrays.copyOfRange(d, off, d.length), false));
  }

  private byte[] passThrough(ThreeMFrame req, byte[] d) throws ProtocolException {
    Optional<Iso15693Request> air = passThroughFrame(d);
    if (air.isEmpty()) {
      return reply(req, ThreeMStatus.PARAM_ERROR, new byte[0]);
    }
    Optional<Iso15693Response> resp = this.air.respond(air.get());
    byte[] rx = resp.map(r -> r.encode(false)).orElse(new byte[0]);
    byte[] out = new byte[3 + rx.length];
    out[0] = (byte) (rx.length > 0 ? 0x83 : 0x00);
    out[1] = (byte) (rx.length >>> 8);
    out[2] = (byte) rx.length;
    System.arraycopy(rx, 0, out, 3, rx.length);
    return reply(req, ThreeMStatus.OK, out);
  }

  private static byte[] concat(byte[] a, byte... b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
