package org.shiori.rfid.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A TCP link (readers with an Ethernet port or a serial-to-LAN converter). A broken connection is
 * re-established by the next call when the transport was created with an address.
 */
public final class TcpTransport implements Transport {
  private final InetSocketAddress address;
  private final Duration connectTimeout;
  private Socket socket;
  private boolean closed;

  public TcpTransport(String host, int port, Duration connectTimeout) throws IOException {
    this.address = new InetSocketAddress(host, port);
    this.connectTimeout = connectTimeout;
    synchronized (this) {
      connect();
    }
  }

  /** Wraps an accepted socket (used by emulators serving a reader over TCP). */
  public TcpTransport(Socket accepted) {
    this.address = null;
    this.connectTimeout = Duration.ZERO;
    this.socket = accepted;
  }

  private void connect() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(address, (int) connectTimeout.toMillis());
    socket = s;
  }

  private Socket ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("TCP transport closed");
    }
    if (socket == null) {
      if (address == null) {
        throw new IOException("peer disconnected");
      }
      connect();
    }
    return socket;
  }

  private IOException lost(IOException cause) {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // Already broken; the cause below says why.
    }
    socket = null;
    return cause;
  }

  @Override
  public synchronized void write(byte[] data) throws IOException {
    try {
      OutputStream out = ensureOpen().getOutputStream();
      out.write(data);
      out.flush();
    } catch (IOException e) {
      throw lost(e);
    }
  }

  @Override
  public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
    Socket s;
    synchronized (this) {
      if (closed) {
        return -1;
      }
      s = ensureOpen();
    }
    try {
      s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      InputStream in = s.getInputStream();
      int n = in.read(buf, off, len);
      if (n < 0) {
        synchronized (this) {
          throw lost(new IOException("connection closed by peer"));
        }
      }
      return n;
    } catch (SocketTimeoutException e) {
      return 0;
    } catch (IOException e) {
      synchronized (this) {
        if (closed) {
          return -1;
        }
        throw lost(e);
      }
    }
  }

  @Override
  public synchronized void drain() throws IOException {
    InputStream in = ensureOpen().getInputStream();
    int avail = in.available();
    if (avail > 0) {
      in.skip(avail);
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing anyway.
      }
      socket = null;
    }
  }
}
