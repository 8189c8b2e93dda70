package org.shiori.rfid.reader.feig;

import java.util.Arrays;
import org.shiori.rfid.crc.Crc16;
import org.shiori.rfid.frame.FrameSyntax;
import org.shiori.rfid.reader.ProtocolException;

/**
 * FEIG OBID host protocol framing (classic-pro manual H20800, chapter 3.1). Standard frame: {@code
 * LEN COM-ADR CMD [STATUS] DATA CRC16}, LEN counting the whole frame. Advanced frame: {@code 0x02
 * ALEN_hi ALEN_lo COM-ADR CMD [STATUS] DATA CRC16}. CRC-16/MCRF4XX over all preceding bytes,
 * appended LSB first.
 */
public final class FeigFrameCodec {
  public static final int STX = 0x02;
  public static final int MAX_STANDARD_LENGTH = 255;
  private static final int MIN_STANDARD_LENGTH = 5;
  private static final int MIN_ADVANCED_LENGTH = 8;

  /** Recognises both standard and advanced frames in a byte stream. */
  public static final FrameSyntax SYNTAX =
      new FrameSyntax() {
        @Override
        public int frameLength(byte[] buf, int off, int available) {
          int first = buf[off] & 0xFF;
          if (first == STX) {
            if (available < 3) {
              return NEED_MORE;
            }
            int alen = ((buf[off + 1] & 0xFF) << 8) | (buf[off + 2] & 0xFF);
            return alen >= MIN_ADVANCED_LENGTH ? alen : NOT_A_FRAME;
          }
          return first >= MIN_STANDARD_LENGTH ? first : NOT_A_FRAME;
        }

        @Override
        public boolean checksumValid(byte[] buf, int off, int length) {
          int crc = Crc16.FEIG.compute(buf, off, length - 2);
          return (buf[off + length - 2] & 0xFF) == (crc & 0xFF)
              && (buf[off + length - 1] & 0xFF) == (crc >>> 8);
        }
      };

  private FeigFrameCodec() {}

  /** Encodes a frame; a standard frame when it fits in 255 bytes, else an advanced one. */
  public static byte[] encode(FeigFrame f) {
    int header = f.isReply() ? 3 : 2;
    int standardLength = 1 + header + f.data().length + 2;
    boolean advanced = f.advanced() || standardLength > MAX_STANDARD_LENGTH;
    int lenBytes = advanced ? 3 : 1;
    int total = lenBytes + header + f.data().length + 2;
    if (total > 0xFFFF) {
      throw new IllegalArgumentException("FEIG frame too long: " + total);
    }
    byte[] out = new byte[total];
    int p = 0;
    if (advanced) {
      out[p++] = STX;
      out[p++] = (byte) (total >>> 8);
      out[p++] = (byte) total;
    } else {
      out[p++] = (byte) total;
    }
    out[p++] = (byte) f.busAddress();
    out[p++] = (byte) f.command();
    if (f.isReply()) {
      out[p++] = (byte) f.status();
    }
    System.arraycopy(f.data(), 0, out, p, f.data().length);
    p += f.data().length;
    int crc = Crc16.FEIG.compute(out, 0, p);
    out[p++] = (byte) crc;
    out[p] = (byte) (crc >>> 8);
    return out;
  }

  public static FeigFrame decodeReply(byte[] frame) throws ProtocolException {
    return decode(frame, true);
  }

  public static FeigFrame decodeRequest(byte[] frame) throws ProtocolException {
    return decode(frame, false);
  }

  private static FeigFrame decode(byte[] frame, boolean reply) throws ProtocolException {
    SYNTAX.requireWholeFrame(frame, "FEIG", "bad length field");
    boolean advanced = (frame[0] & 0xFF) == STX;
    int p = advanced ? 3 : 1;
    int header = reply ? 3 : 2;
    if (frame.length < p + header + 2) {
      throw new ProtocolException("FEIG frame too short: " + frame.length + " bytes");
    }
    if (!SYNTAX.checksumValid(frame, 0, frame.length)) {
      throw new ProtocolException("FEIG CRC mismatch");
    }
    int adr = frame[p] & 0xFF;
    int cmd = frame[p + 1] & 0xFF;
    int status = reply ? frame[p + 2] & 0xFF : -1;
    byte[] data = Arrays.copyOfRange(frame, p + header, frame.length - 2);
    return new FeigFrame(adr, cmd, status, data, advanced);
  }
}
