package org.shiori.central.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets with Nagle's algorithm off: Paho writes one packet in several writes, and with
 * Nagle on an ack waited for the broker's delayed ACK (tens of milliseconds per transaction). Their
 * input is buffered: Paho reads a packet's header byte by byte from the socket's stream, which on a
 * plain socket is one system call per byte; buffered, one read takes in whatever packets arrived.
 */
public final class NoDelaySockets extends SocketFactory {
  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  /** A socket whose input stream is one buffered stream over the socket's own. */
  private static final class BufferedReadSocket extends Socket {
    private InputStream in;

    BufferedReadSocket() {}

    BufferedReadSocket(String host, int port) throws IOException {
      super(host, port);
    }

    BufferedReadSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      super(host, port, localHost, localPort);
    }

    BufferedReadSocket(InetAddress host, int port) throws IOException {
      super(host, port);
    }

    BufferedReadSocket(InetAddress host, int port, InetAddress localHost, int localPort)
        throws IOException {
      super(host, port, localHost, localPort);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (in == null) {
        in = new BufferedInputStream(super.getInputStream(), 16 * 1024);
      }
      return in;
    }
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new BufferedReadSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(new BufferedReadSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(new BufferedReadSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(new BufferedReadSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(new BufferedReadSocket(address, port, localAddress, localPort));
  }
}
