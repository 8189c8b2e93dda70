package org.shiori.central.ils.sip2;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/** Opens the TCP (or TLS) socket to the ILS, with connect and read timeouts set. */
public interface Sip2SocketFactory {

  Socket open(String host, int port, Duration connectTimeout, Duration readTimeout)
      throws IOException;

  /** Plain TCP. */
  static Sip2SocketFactory plain() {
    return Sip2SocketFactory::connectTcp;
  }

  /**
   * TLS over TCP with the given context; the server certificate must match the host name. The
   * handshake is bounded by the read timeout.
   */
  static Sip2SocketFactory tls(SSLContext context) {
    Objects.requireNonNull(context, "context");
    return (host, port, connectTimeout, readTimeout) -> {
      Socket tcp = connectTcp(host, port, connectTimeout, readTimeout);
      try {
        SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, host, port, true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        tls.setSSLParameters(parameters);
        tls.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
        tls.startHandshake();
        return tls;
      } catch (IOException | RuntimeException e) {
        tcp.close();
        throw e;
      }
    };
  }

  private static Socket connectTcp(
      String host, int port, Duration connectTimeout, Duration readTimeout) throws IOException {
    Socket socket = new Socket();
    try {
      socket.setTcpNoDelay(true);
      socket.setKeepAlive(true);
      socket.connect(new InetSocketAddress(host, port), Math.toIntExact(connectTimeout.toMillis()));
      socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
      return socket;
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }
}
