package org.shiori.rfid.iso15693;

import java.util.Arrays;
import org.shiori.rfid.crc.Crc16;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;

/** An ISO/IEC 15693-3 response: {@code FLAGS DATA [CRC]}; flag 0x01 = error, code follows. */
public record Iso15693Response(int flags, byte[] data) {
  public static final int FLAG_ERROR = 0x01;

  public Iso15693Response {
    data = data.clone();
  }

  public static Iso15693Response ok(byte[] data) {
    return new Iso15693Response(0, data);
  }

  public static Iso15693Response error(int code) {
    return new Iso15693Response(FLAG_ERROR, new byte[] {(byte) code});
  }

  public boolean isError() {
    return (flags & FLAG_ERROR) != 0;
  }

  public int errorCode() {
    return isError() && data.length > 0 ? data[0] & 0xFF : 0;
  }

  /** The data, or the typed exception for an error response. */
  public byte[] dataOrThrow(String context) throws ReaderException {
    if (isError()) {
      throw Iso15693Error.toException(context, errorCode());
    }
    return data.clone();
  }

  public byte[] encode(boolean withCrc) {
    byte[] out = new byte[1 + data.length + (withCrc ? 2 : 0)];
    out[0] = (byte) flags;
    System.arraycopy(data, 0, out, 1, data.length);
    if (withCrc) {
      int crc = Crc16.ISO15693.compute(out, 0, 1 + data.length);
      out[out.length - 2] = (byte) crc;
      out[out.length - 1] = (byte) (crc >>> 8);
    }
    return out;
  }

  public static Iso15693Response decode(byte[] frame, boolean withCrc) throws ProtocolException {
    int len = frame.length - (withCrc ? 2 : 0);
    if (len < 1) {
      throw new ProtocolException("ISO 15693 response too short");
    }
    if (withCrc && !Iso15693Request.crcValid(frame)) {
      throw new ProtocolException("ISO 15693 response CRC mismatch");
    }
    int flags = frame[0] & 0xFF;
    if ((flags & FLAG_ERROR) != 0 && len != 2) {
      throw new ProtocolException("ISO 15693 error response must carry exactly one error code");
    }
    return new Iso15693Response(flags, Arrays.copyOfRange(frame, 1, len));
  }
}
