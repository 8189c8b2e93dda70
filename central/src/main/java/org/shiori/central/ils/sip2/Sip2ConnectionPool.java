package org.shiori.central.ils.sip2;

import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.shiori.central.ils.IlsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few logged-in connections, opened when first needed. A broken connection is closed and a new
 * one opened for the next request. A request on a connection that turns out to be stale (closed by
 * the ILS while idle, before any answer) is sent once more on a fresh connection; so is a request
 * that changes nothing. A timed-out request is never sent again: the caller keeps it.
 */
final class Sip2ConnectionPool implements Sip2Exchange, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sip2ConnectionPool.class);

  /** Opens one logged-in connection. */
  @FunctionalInterface
  interface Opener {
    Sip2Connection open() throws IOException, Sip2ProtocolException;
  }

  private final Opener opener;
  private final Semaphore permits;
  private final long borrowTimeoutMillis;
  private final int size;
  private final Deque<Sip2Connection> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  Sip2ConnectionPool(Opener opener, int size, long borrowTimeoutMillis) {
    this.opener = opener;
    this.size = size;
    this.permits = new Semaphore(size, true);
    this.borrowTimeoutMillis = borrowTimeoutMillis;
  }

  @Override
  public Sip2Message exchange(Sip2Message request, boolean safeToRepeat)
      throws IlsUnavailableException {
    acquire(request);
    try {
      Sip2Connection connection = idle.pollFirst();
      boolean reused = connection != null;
      if (connection == null) {
        connection = open(request);
      }
      try {
        return giveBack(connection, connection.exchange(request));
      } catch (RuntimeException e) {
        connection.close();
        throw e;
      } catch (IOException | Sip2ProtocolException e) {
        connection.close();
        boolean repeat = (reused && isStale(e)) || (safeToRepeat && !isTimeout(e));
        if (!repeat) {
          throw unavailable(request, e);
        }
        LOG.info(
            "SIP2 connection broke ({}), sending {} again on a new connection",
            e.getClass().getSimpleName(),
            request.describeForLog());
        return exchangeOnFreshConnection(request);
      }
    } finally {
      permits.release();
    }
  }

  private Sip2Message exchangeOnFreshConnection(Sip2Message request)
      throws IlsUnavailableException {
    Sip2Connection fresh = open(request);
    try {
      return giveBack(fresh, fresh.exchange(request));
    } catch (IOException | Sip2ProtocolException e) {
      fresh.close();
      throw unavailable(request, e);
    } catch (RuntimeException e) {
      fresh.close();
      throw e;
    }
  }

  private Sip2Message giveBack(Sip2Connection connection, Sip2Message answer) {
    idle.addFirst(connection);
    if (closed) {
      closeIdle();
    }
    return answer;
  }

  private void acquire(Sip2Message request) throws IlsUnavailableException {
    if (closed) {
      throw new IlsUnavailableException("SIP2 connector is closed");
    }
    try {
      if (!permits.tryAcquire(borrowTimeoutMillis, TimeUnit.MILLISECONDS)) {
        throw new IlsUnavailableException(
            "All "
                + size
                + " SIP2 connections stayed busy for "
                + borrowTimeoutMillis
                + " ms; "
                + request.command().id()
                + " not sent");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IlsUnavailableException("Interrupted waiting for a SIP2 connection", e);
    }
  }

  private Sip2Connection open(Sip2Message request) throws IlsUnavailableException {
    try {
      return opener.open();
    } catch (IOException | Sip2ProtocolException e) {
      throw new IlsUnavailableException(
          "Could not open a SIP2 connection for " + request.command().id() + ": " + e.getMessage(),
          e);
    }
  }

  private static boolean isTimeout(Exception e) {
    return e instanceof SocketTimeoutException;
  }

  private static boolean isStale(Exception e) {
    if (e instanceof Sip2ConnectionClosedException) {
      return ((Sip2ConnectionClosedException) e).beforeAnyByte();
    }
    return e instanceof SocketException;
  }

  private static IlsUnavailableException unavailable(Sip2Message request, Exception e) {
    String what = e instanceof SocketTimeoutException ? "no SIP2 answer in time" : e.getMessage();
    return new IlsUnavailableException(
        "ILS unavailable for " + request.describeForLog() + ": " + what, e);
  }

  /** How many connections are idle now (for tests and monitoring). */
  int idleConnections() {
    return idle.size();
  }

  private void closeIdle() {
    Sip2Connection connection;
    while ((connection = idle.pollFirst()) != null) {
      connection.close();
    }
  }

  @Override
  public void close() {
    closed = true;
    closeIdle();
  }
}
