package org.shiori.device.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Socket factories that switch off Nagle's algorithm. Paho writes an MQTT packet in more than one
 * write; with Nagle on, the second write waits for the broker's delayed ACK (40 ms on Linux), which
 * showed up as 44 ms and 88 ms latency spikes on one in ten transactions.
 */
public final class NoDelaySockets {
  private NoDelaySockets() {}

  /** For {@code tcp://}. */
  public static SocketFactory plain() {
    return new Plain(SocketFactory.getDefault());
  }

  /** For {@code ssl://}: wraps a TLS factory, still an {@link SSLSocketFactory} for Paho. */
  public static SSLSocketFactory tls(SSLSocketFactory delegate) {
    return new Tls(delegate);
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }

  private static final class Plain extends SocketFactory {
    private final SocketFactory delegate;

    Plain(SocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }
  }

  private static final class Tls extends SSLSocketFactory {
    private final SSLSocketFactory delegate;

    Tls(SSLSocketFactory delegate) {
      this.delegate = delegate;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket s, String host, int port, boolean autoClose)
        throws IOException {
      s.setTcpNoDelay(true);
      return noDelay(delegate.createSocket(s, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(delegate.createSocket(address, port, localAddress, localPort));
    }
  }
}
