package org.shiori.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.cr95hf.Cr95hfFrame;
import org.shiori.rfid.reader.cr95hf.Cr95hfFrameCodec;
import org.shiori.rfid.reader.cr95hf.Cr95hfReader;
import org.shiori.rfid.transport.Transport;

/** An ST CR95HF front end: passes raw ISO 15693 frames to the virtual tags, reports collisions. */
public final class Cr95hfEmulator extends ReaderEmulator {
  private static final byte[] NO_TAG = Cr95hfFrameCodec.encode(new Cr95hfFrame(0x87, new byte[0]));
  private final Iso15693TagResponder air;
  private volatile boolean iso15693Selected;

  public Cr95hfEmulator(Transport transport, TagField field) {
    super(transport, field, Cr95hfFrameCodec.SYNTAX, "cr95hf-emulator");
    this.air = new Iso15693TagResponder(field);
  }

  @Override
  public Cr95hfEmulator start() {
    super.start();
    return this;
  }

  @Override
  protected byte[] noTagReply(byte[] request) {
    return NO_TAG.clone();
  }

  @Override
  protected Duration airTime(byte[] request, Iso15693AirTime airTime) throws ProtocolException {
    Cr95hfFrame req = Cr95hfFrameCodec.decode(request);
    if (req.code() != Cr95hfReader.CMD_SEND_RECV || !iso15693Selected) {
      return Duration.ZERO; // stays inside the front end
    }
    return RawIso15693.airTime(Iso15693Request.decode(req.data(), false), air, field(), airTime);
  }

  @Override
  protected byte[] answer(byte[] request) throws ProtocolException {
    Cr95hfFrame req = Cr95hfFrameCodec.decode(request);
    switch (req.code()) {
      case Cr95hfReader.CMD_IDN:
        byte[] idn = Arrays.copyOf("NFC FS2JAST4".getBytes(StandardCharsets.US_ASCII), 15);
        idn[13] = 0x2A;
        idn[14] = (byte) 0xCE;
        return reply(Cr95hfReader.RESULT_OK, idn);
      case Cr95hfReader.CMD_PROTOCOL_SELECT:
        iso15693Selected =
            req.data().length >= 1 && req.data()[0] == Cr95hfReader.PROTOCOL_ISO15693;
        return reply(iso15693Selected ? Cr95hfReader.RESULT_OK : 0x82, new byte[0]);
      case Cr95hfReader.CMD_SEND_RECV:
        return iso15693Selected ? sendRecv(req.data()) : reply(0x82, new byte[0]);
      default:
        return reply(0x82, new byte[0]);
    }
  }

  private static byte[] reply(int code, byte[] data) {
    return Cr95hfFrameCodec.encode(new Cr95hfFrame(code, data));
  }

  private byte[] sendRecv(byte[] frame) throws ProtocolException {
    Iso15693Request r = Iso15693Request.decode(frame, false);
    if (r.command() == Iso15693Request.INVENTORY) {
      List<VirtualTag> tags = air.inventoryMatches(r);
      if (tags.isEmpty()) {
        return NO_TAG.clone();
      }
      if (tags.size() > 1) {
        // Overlapping answers: some bytes arrive, flagged as a collision.
        return airFrame(Iso15693Response.ok(new byte[9]), Cr95hfReader.STATUS_COLLISION);
      }
      return airFrame(Iso15693TagResponder.inventoryReply(tags.get(0)), 0);
    }
    Optional<Iso15693Response> resp = air.respond(r);
    return resp.map(x -> airFrame(x, 0)).orElse(NO_TAG.clone());
  }

  private static byte[] airFrame(Iso15693Response response, int status) {
    byte[] air = response.encode(true);
    byte[] d = Arrays.copyOf(air, air.length + 1);
    d[air.length] = (byte) status;
    return reply(Cr95hfReader.RESULT_FRAME, d);
  }
}
