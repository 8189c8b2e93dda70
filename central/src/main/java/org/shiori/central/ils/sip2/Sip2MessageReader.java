package org.shiori.central.ils.sip2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads one message at a time up to its CR, refusing one longer than a bound. A LF after the CR
 * (CRLF terminators) is skipped at the start of the next message, so both terminators are read.
 */
public final class Sip2MessageReader {
  private static final int CR = '\r';
  private static final int LF = '\n';

  private final InputStream in;
  private final int maxMessageBytes;

  public Sip2MessageReader(InputStream in, int maxMessageBytes) {
    this.in = Objects.requireNonNull(in, "in");
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * The next message's bytes without the terminator.
   *
   * @throws Sip2ConnectionClosedException when the stream ends first
   * @throws Sip2ProtocolException when the message is longer than the bound
   */
  public byte[] read() throws IOException, Sip2ProtocolException {
    ByteArrayOutputStream message = new ByteArrayOutputStream(256);
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new Sip2ConnectionClosedException(message.size() == 0);
      }
      if (b == CR) {
        return message.toByteArray();
      }
      if (b == LF && message.size() == 0) {
        continue;
      }
      if (message.size() >= maxMessageBytes) {
        throw new Sip2ProtocolException(
            "SIP2 message longer than " + maxMessageBytes + " bytes without a terminator, refused");
      }
      message.write(b);
    }
  }
}
