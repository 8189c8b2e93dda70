package org.shiori.central.ils.sip2;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * A SIP2 2.00 ACS for tests, on a free loopback port: answers 93, 99, 11, 09, 29, 63, 17 and 35
 * from an in-memory library ({@link FakeIls}), with sequence numbers and checksums; answers 97 by
 * resending its last message and a request with a bad checksum with 96. Records every message it
 * receives (raw bytes, terminator removed). Faults: stopped, slowed, refusing, one corrupted
 * checksum, one 96, one connection dropped mid-reply.
 */
public final class FakeSip2Server implements AutoCloseable {
  private final Sip2Codec codec;
  private final Charset charset;
  private final FakeIls ils;
  private final Optional<SSLContext> tls;
  private final List<byte[]> received = new CopyOnWriteArrayList<>();
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionsAccepted = new AtomicInteger();
  private final AtomicReference<Duration> replyDelay = new AtomicReference<>(Duration.ZERO);
  private final AtomicInteger checksumsToCorrupt = new AtomicInteger();
  private final AtomicBoolean dropNextReply = new AtomicBoolean();
  private final AtomicBoolean askResendOnce = new AtomicBoolean();
  private final AtomicReference<byte[]> nextRawReply = new AtomicReference<>();
  private volatile ServerSocket serverSocket;
  private volatile Thread acceptor;
  private volatile int port;

  private FakeSip2Server(Builder builder) {
    this.charset = builder.charset;
    this.codec = new Sip2Codec('|', builder.charset, builder.terminator, true);
    Sip2Dates dates = new Sip2Dates(builder.clock, builder.zone);
    this.ils =
        new FakeIls(
            builder.institutionId, dates, builder.zone, builder.loginUser, builder.loginPassword);
    this.tls = Optional.ofNullable(builder.tls);
  }

  public static Builder builder(Clock clock) {
    return new Builder(clock);
  }

  /** Starts listening: on a free port the first time, on the same port after {@link #stop()}. */
  public synchronized FakeSip2Server start() throws IOException {
    ServerSocket socket = bindWithRetry();
    port = socket.getLocalPort();
    serverSocket = socket;
    Thread thread = new Thread(() -> acceptLoop(socket), "fake-sip2-accept-" + port);
    thread.setDaemon(true);
    thread.start();
    acceptor = thread;
    return this;
  }

  /** Binds the port; after a restart the old listening socket may take a moment to go. */
  private ServerSocket bindWithRetry() throws IOException {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    for (int attempt = 1; ; attempt++) {
      ServerSocket socket =
          tls.isPresent()
              ? tls.get().getServerSocketFactory().createServerSocket()
              : new ServerSocket();
      try {
        socket.setReuseAddress(true);
        socket.bind(address, 16);
        return socket;
      } catch (java.net.BindException e) {
        socket.close();
        if (attempt >= 50) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Closes the port and every connection, as an ILS that went down. */
  public synchronized void stop() {
    ServerSocket socket = serverSocket;
    serverSocket = null;
    if (socket != null) {
      closeQuietly(socket);
    }
    clients.forEach(FakeSip2Server::closeQuietly);
    clients.clear();
    Thread thread = acceptor;
    acceptor = null;
    if (thread != null) {
      // the listening socket is really released only when the accepting thread has left accept()
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    stop();
  }

  public int port() {
    return port;
  }

  // ----- the library -----

  public FakeSip2Server addItem(String itemId, String title) {
    ils.addItem(new FakeIls.Item(itemId, title, "2F-913", false));
    return this;
  }

  public FakeSip2Server addItemWithHoldWaiting(String itemId, String title) {
    ils.addItem(new FakeIls.Item(itemId, title, "2F-913", true));
    return this;
  }

  public FakeSip2Server addPatron(String card, String pin, String name) {
    ils.addPatron(new FakeIls.Patron(card, pin, name, false));
    return this;
  }

  public FakeSip2Server addBlockedPatron(String card, String pin, String name) {
    ils.addPatron(new FakeIls.Patron(card, pin, name, true));
    return this;
  }

  public FakeSip2Server lend(String itemId, String card, LocalDate due) {
    ils.lend(itemId, card, due);
    return this;
  }

  /** The card number an item is on loan to, if any. */
  public Optional<String> borrowerOf(String itemId) {
    return ils.loanOf(itemId).map(FakeIls.Loan::card);
  }

  // ----- faults -----

  /** Waits this long before every reply. */
  public void slowReplies(Duration delay) {
    replyDelay.set(delay);
  }

  /** Answers every checkout, checkin and renewal with ok=0. */
  public void refusing(boolean refuse) {
    ils.refusing(refuse);
  }

  /** Sends the next reply with a wrong checksum; a 97 then gets the right one. */
  public void corruptNextChecksum() {
    corruptChecksums(1);
  }

  /** Sends the next {@code count} replies, resent ones included, with a wrong checksum. */
  public void corruptChecksums(int count) {
    checksumsToCorrupt.set(count);
  }

  /** Says in 98 that it is off line and refuses every checkout, checkin and renewal. */
  public void offline(boolean offline) {
    ils.offline(offline);
  }

  /** Answers the next request with 96, asking for it again. */
  public void askForResendOnce() {
    askResendOnce.set(true);
  }

  /** Answers the next request with these bytes instead of the right answer. */
  public void replyOnceWith(byte[] raw) {
    nextRawReply.set(raw.clone());
  }

  /** Sends half of the next reply and closes the connection. */
  public void dropNextReplyMidway() {
    dropNextReply.set(true);
  }

  // ----- what arrived -----

  /** Every message received, raw, without its terminator. */
  public List<byte[]> receivedRaw() {
    return List.copyOf(received);
  }

  /** Every message received, as text in the server's character set. */
  public List<String> receivedText() {
    return received.stream().map(bytes -> new String(bytes, charset)).collect(Collectors.toList());
  }

  /** Every well-formed message of one command received, decoded. */
  public List<Sip2Message> received(Sip2Command command) {
    List<Sip2Message> messages = new ArrayList<>();
    for (byte[] bytes : received) {
      try {
        Sip2Message message = codec.decode(bytes).message();
        if (message.command() == command) {
          messages.add(message);
        }
      } catch (Sip2ProtocolException e) {
        // not well formed: only in receivedRaw()
      }
    }
    return messages;
  }

  public int connectionsAccepted() {
    return connectionsAccepted.get();
  }

  public void clearReceived() {
    received.clear();
  }

  // ----- network -----

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        connectionsAccepted.incrementAndGet();
        clients.add(client);
        Thread handler = new Thread(() -> serve(client), "fake-sip2-client-" + port);
        handler.setDaemon(true);
        handler.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      Sip2MessageReader reader =
          new Sip2MessageReader(new BufferedInputStream(client.getInputStream()), 65536);
      OutputStream out = client.getOutputStream();
      byte[] lastSent = null;
      while (true) {
        byte[] frame = reader.read();
        received.add(frame);
        Sip2Frame request;
        try {
          request = codec.decode(frame);
        } catch (Sip2ChecksumException e) {
          out.write(codec.encode(Sip2Requests.requestScResend(), 0));
          continue;
        } catch (Sip2ProtocolException e) {
          continue;
        }
        if (request.message().command() == Sip2Command.REQUEST_ACS_RESEND) {
          if (lastSent != null) {
            out.write(maybeCorrupted(lastSent));
            out.flush();
          }
          continue;
        }
        if (askResendOnce.getAndSet(false)) {
          out.write(codec.encode(Sip2Requests.requestScResend(), 0));
          continue;
        }
        byte[] raw = nextRawReply.getAndSet(null);
        if (raw != null) {
          out.write(raw);
          out.flush();
          continue;
        }
        Optional<Sip2Message> answer = ils.answer(request.message());
        if (answer.isEmpty()) {
          continue;
        }
        byte[] bytes = codec.encode(answer.get(), request.sequenceNumber().orElse(0));
        lastSent = bytes;
        pause();
        if (dropNextReply.getAndSet(false)) {
          out.write(bytes, 0, bytes.length / 2);
          out.flush();
          return;
        }
        out.write(maybeCorrupted(bytes));
        out.flush();
      }
    } catch (IOException | Sip2ProtocolException e) {
      // client went away, server stopped, or garbage: end this connection
    } finally {
      clients.remove(client);
    }
  }

  private void pause() {
    Duration delay = replyDelay.get();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private byte[] maybeCorrupted(byte[] bytes) {
    boolean corrupt = checksumsToCorrupt.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    return corrupt ? withWrongChecksum(bytes) : bytes;
  }

  private static byte[] withWrongChecksum(byte[] bytes) {
    byte[] wrong = bytes.clone();
    int last = wrong.length - 1;
    while (wrong[last] == '\r' || wrong[last] == '\n') {
      last--;
    }
    wrong[last] = (byte) (wrong[last] == '0' ? '1' : '0');
    return wrong;
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** How the fake ACS is set up; every value has a default matching the test settings. */
  public static final class Builder {
    private final Clock clock;
    private Charset charset = StandardCharsets.UTF_8;
    private Sip2Terminator terminator = Sip2Terminator.CR;
    private ZoneId zone = ZoneId.of("Asia/Tokyo");
    private String institutionId = "SHIORI";
    private String loginUser = "kiosk";
    private String loginPassword = "secret";
    private SSLContext tls;

    private Builder(Clock clock) {
      this.clock = clock;
    }

    public Builder charset(Charset value) {
      charset = value;
      return this;
    }

    public Builder terminator(Sip2Terminator value) {
      terminator = value;
      return this;
    }

    public Builder login(String user, String password) {
      loginUser = user;
      loginPassword = password;
      return this;
    }

    public Builder tls(SSLContext context) {
      tls = context;
      return this;
    }

    public FakeSip2Server build() {
      return new FakeSip2Server(this);
    }
  }
}
