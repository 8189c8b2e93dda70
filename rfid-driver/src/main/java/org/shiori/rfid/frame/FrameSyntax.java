package org.shiori.rfid.frame;

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
}
