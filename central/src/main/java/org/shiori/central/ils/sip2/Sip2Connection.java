package org.shiori.central.ils.sip2;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in connection to the ILS. Sends a request, reads its answer, asks for resends of
 * corrupted answers, and checks the answer is the right message with the right sequence number.
 * Used by one thread at a time; after any failure it is broken and must be closed.
 */
final class Sip2Connection implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Sip2Connection.class);

  private final Socket socket;
  private final OutputStream out;
  private final Sip2MessageReader reader;
  private final Sip2Codec codec;
  private final int maxResendAttempts;
  private final boolean errorDetection;
  private int nextSequence;

  private Sip2Connection(Socket socket, Sip2Codec codec, Sip2Settings settings) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    this.reader =
        new Sip2MessageReader(
            new BufferedInputStream(socket.getInputStream()), settings.maxMessageBytes());
    this.codec = codec;
    this.maxResendAttempts = settings.maxResendAttempts();
    this.errorDetection = settings.errorDetection();
  }

  /** Connects, logs in (93) where a login user is set, and asks the ILS's status (99). */
  static Sip2Connection open(
      Sip2Settings settings, Sip2SocketFactory sockets, Sip2Codec codec, Sip2Requests requests)
      throws IOException, Sip2ProtocolException {
    Socket socket =
        sockets.open(
            settings.host(), settings.port(), settings.connectTimeout(), settings.readTimeout());
    Sip2Connection connection;
    try {
      connection = new Sip2Connection(socket, codec, settings);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    try {
      if (!settings.loginUser().isEmpty()) {
        Sip2LoginResponse login = Sip2LoginResponse.from(connection.exchange(requests.login()));
        if (!login.ok()) {
          throw new Sip2ProtocolException(
              "ILS refused the SIP2 login (94 ok=0) of login user " + settings.loginUser());
        }
      }
      Sip2AcsStatus status = Sip2AcsStatus.from(connection.exchange(requests.scStatus()));
      LOG.info(
          "SIP2 connection to {}:{} open, ILS on-line={}",
          settings.host(),
          settings.port(),
          status.online());
      return connection;
    } catch (IOException | Sip2ProtocolException | RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** Sends a request and returns its answer. */
  Sip2Message exchange(Sip2Message request) throws IOException, Sip2ProtocolException {
    Sip2Command expected =
        request
            .command()
            .response()
            .orElseThrow(
                () -> new IllegalArgumentException("not a request: " + request.command().id()));
    int sequence = nextSequence;
    nextSequence = (nextSequence + 1) % 10;
    byte[] bytes = codec.encode(request, sequence);
    write(bytes);
    LOG.debug("SIP2 sent {} seq={}", request.describeForLog(), sequence);
    int resends = 0;
    while (true) {
      Sip2Frame frame;
      try {
        frame = codec.decode(reader.read());
      } catch (Sip2ChecksumException e) {
        if (resends >= maxResendAttempts) {
          throw e;
        }
        resends++;
        LOG.warn(
            "SIP2 answer to {} had a bad checksum, sending 97 (resend {} of {})",
            request.command().id(),
            resends,
            maxResendAttempts);
        write(codec.encode(Sip2Requests.requestAcsResend(), 0));
        continue;
      }
      Sip2Message answer = frame.message();
      if (answer.command() == Sip2Command.REQUEST_SC_RESEND) {
        if (resends >= maxResendAttempts) {
          throw new Sip2ProtocolException(
              "ILS asked for "
                  + request.command().id()
                  + " again more than "
                  + maxResendAttempts
                  + " times (96)");
        }
        resends++;
        LOG.warn("ILS asked for {} again (96), resending", request.command().id());
        write(bytes);
        continue;
      }
      if (answer.command() != expected) {
        throw new Sip2ProtocolException(
            "Sent SIP2 "
                + request.command().id()
                + ", got "
                + answer.command().id()
                + " instead of "
                + expected.id());
      }
      checkSequence(request, sequence, frame.sequenceNumber());
      LOG.debug("SIP2 received {} seq={}", answer.describeForLog(), sequence);
      return answer;
    }
  }

  private void checkSequence(Sip2Message request, int sent, OptionalInt received)
      throws Sip2ProtocolException {
    if (!errorDetection) {
      return;
    }
    if (received.isEmpty() || received.getAsInt() != sent) {
      throw new Sip2ProtocolException(
          "SIP2 answer to "
              + request.command().id()
              + " has sequence number "
              + (received.isEmpty() ? "none" : String.valueOf(received.getAsInt()))
              + ", sent "
              + sent);
    }
  }

  private void write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      LOG.debug("Closing SIP2 socket failed: {}", e.toString());
    }
  }

  @Override
  public String toString() {
    return "Sip2Connection[" + Objects.toString(socket.getRemoteSocketAddress()) + "]";
  }
}
