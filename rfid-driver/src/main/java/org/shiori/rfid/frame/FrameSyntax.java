package org.shiori.rfid.frame;

import org.shiori.rfid.reader.ProtocolException;

/** How to recognise one frame of a host protocol in a byte stream. */
public interface FrameSyntax {
  /** Returned by {@link #frameLength} when more bytes are needed to tell. */
  int NEED_MORE = -1;

  /** Returned by {@link #frameLength} when the bytes at {@code off} cannot start a frame. */
  int NOT_A_FRAME = 0;

  /**
   * Length of the frame starting at {@code buf[off]}, {@link #NEED_MORE} or {@link #NOT_A_FRAME}.
   */
  int frameLength(byte[] buf, int off, int available);

  /** Whether the complete candidate frame carries a valid checksum. */
  boolean checksumValid(byte[] buf, int off, int length);

  /**
   * Checks that {@code frame} is one whole frame as its length field declares; the checksum is
   * checked separately.
   *
   * @param protocol name of the protocol in messages
   * @param refusal what {@link #frameLength} checks, named when it refuses the bytes
   */
  default void requireWholeFrame(byte[] frame, String protocol, String refusal)
      throws ProtocolException {
    if (frame.length < 1) {
      throw new ProtocolException("empty " + protocol + " frame");
    }
    int declared = frameLength(frame, 0, frame.length);
    if (declared == NEED_MORE || declared == NOT_A_FRAME) {
      throw new ProtocolException("not a " + protocol + " frame (" + refusal + ")");
    }
    if (declared != frame.length) {
      throw new ProtocolException(
          protocol + " length field says " + declared + " bytes, frame has " + frame.length);
    }
  }
}
