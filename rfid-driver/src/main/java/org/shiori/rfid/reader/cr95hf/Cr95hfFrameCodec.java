package org.shiori.rfid.reader.cr95hf;

import java.util.Arrays;
import org.shiori.rfid.frame.FrameSyntax;
import org.shiori.rfid.reader.ProtocolException;

/** CR95HF UART framing {@code CODE LEN DATA} (no checksum, so no resynchronisation either). */
public final class Cr95hfFrameCodec {
  public static final FrameSyntax SYNTAX =
      new FrameSyntax() {
        @Override
        public int frameLength(byte[] buf, int off, int available) {
          return available < 2 ? NEED_MORE : 2 + (buf[off + 1] & 0xFF);
        }

        @Override
        public boolean checksumValid(byte[] buf, int off, int length) {
          return true;
        }
      };

  private Cr95hfFrameCodec() {}

  public static byte[] encode(Cr95hfFrame f) {
    if (f.data().length > 255) {
      throw new IllegalArgumentException("CR95HF frame data is at most 255 bytes");
    }
    byte[] out = new byte[2 + f.data().length];
    out[0] = (byte) f.code();
    out[1] = (byte) f.data().length;
    System.arraycopy(f.data(), 0, out, 2, f.data().length);
    return out;
  }

  public static Cr95hfFrame decode(byte[] frame) throws ProtocolException {
    if (frame.length < 2 || frame.length != 2 + (frame[1] & 0xFF)) {
      throw new ProtocolException("CR95HF frame length mismatch");
    }
    return new Cr95hfFrame(frame[0] & 0xFF, Arrays.copyOfRange(frame, 2, frame.length));
  }
}
