package org.shiori.rfid.reader.threem;

import java.util.Arrays;
import org.shiori.rfid.crc.Crc16;
import org.shiori.rfid.frame.FrameSyntax;
import org.shiori.rfid.reader.ProtocolException;

/**
 * 3M Model 210 protocol framing (specification v1.0.0, "Overview of the Protocol"): {@code 0xD6
 * LEN(2, big-endian: bytes after LEN incl. BCC) CMD [STATUS] FIELDS BCC(2)}, BCC = CRC-16/GENIBUS
 * over LEN..FIELDS, MSB first. The 0xD5 setup frames use the same layout.
 */
public final class ThreeMFrameCodec {
  private static final int MAX_LENGTH = 1024;

  public static final FrameSyntax SYNTAX =
      new FrameSyntax() {
        @Override
        public int frameLength(byte[] buf, int off, int available) {
          int first = buf[off] & 0xFF;
          if (first != ThreeMFrame.START && first != ThreeMFrame.SETUP_START) {
            return NOT_A_FRAME;
          }
          if (available < 3) {
            return NEED_MORE;
          }
          int len = ((buf[off + 1] & 0xFF) << 8) | (buf[off + 2] & 0xFF);
          return len >= 3 && len <= MAX_LENGTH ? 3 + len : NOT_A_FRAME;
        }

        @Override
        public boolean checksumValid(byte[] buf, int off, int length) {
          int crc = Crc16.THREEM.compute(buf, off + 1, length - 3);
          return (buf[off + length - 2] & 0xFF) == (crc >>> 8)
              && (buf[off + length - 1] & 0xFF) == (crc & 0xFF);
        }
      };

  private ThreeMFrameCodec() {}

  public static byte[] encode(ThreeMFrame f) {
    int header = f.isReply() ? 2 : 1;
    int len = header + f.data().length + 2;
    byte[] out = new byte[3 + len];
    out[0] = (byte) f.start();
    out[1] = (byte) (len >>> 8);
    out[2] = (byte) len;
    out[3] = (byte) f.command();
    if (f.isReply()) {
      out[4] = (byte) f.status();
    }
    System.arraycopy(f.data(), 0, out, 3 + header, f.data().length);
    int crc = Crc16.THREEM.compute(out, 1, out.length - 3);
    out[out.length - 2] = (byte) (crc >>> 8);
    out[out.length - 1] = (byte) crc;
    return out;
  }

  public static ThreeMFrame decodeReply(byte[] frame) throws ProtocolException {
    return decode(frame, true);
  }

  public static ThreeMFrame decodeRequest(byte[] frame) throws ProtocolException {
    return decode(frame, false);
  }

  private static ThreeMFrame decode(byte[] frame, boolean reply) throws ProtocolException {
    SYNTAX.requireWholeFrame(frame, "3M", "start byte or length");
    int header = reply ? 2 : 1;
    if (frame.length < 3 + header + 2) {
      throw new ProtocolException("3M frame too short: " + frame.length + " bytes");
    }
    if (!SYNTAX.checksumValid(frame, 0, frame.length)) {
      throw new ProtocolException("3M BCC mismatch");
    }
    int status = reply ? frame[4] & 0xFF : -1;
    byte[] data = Arrays.copyOfRange(frame, 3 + header, frame.length - 2);
    return new ThreeMFrame(frame[0] & 0xFF, frame[3] & 0xFF, status, data);
  }
}
