package org.shiori.rfid.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Two in-memory transports wired to each other, for tests and the demo. */
public final class MemoryPipe {
  private MemoryPipe() {}

  /** The two ends of a pipe: what one writes the other reads. */
  public record Pair(Transport host, Transport device) implements AutoCloseable {
    @Override
    public void close() {
      host.close();
      device.close();
    }
  }

  public static Pair pair() {
    Channel toDevice = new Channel();
    Channel toHost = new Channel();
    return new Pair(new End(toHost, toDevice), new End(toDevice, toHost));
  }

  /** One direction: a growable byte ring with blocking reads. */
  private static final class Channel {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private byte[] buf = new byte[1024];
    private int head;
    private int size;
    private boolean closed;

    void put(byte[] data) throws IOException {
      lock.lock();
      try {
        if (closed) {
          throw new IOException("pipe closed");
        }
        ensure(size + data.length);
        for (byte b : data) {
          buf[(head + size) % buf.length] = b;
          size++;
        }
        readable.signalAll();
      } finally {
        lock.unlock();
      }
    }

    private void ensure(int need) {
      if (need <= buf.length) {
        return;
      }
      byte[] n = new byte[Math.max(need, buf.length * 2)];
      for (int i = 0; i < size; i++) {
        n[i] = buf[(head + i) % buf.length];
      }
      buf = n;
      head = 0;
    }

    int take(byte[] out, int off, int len, Duration timeout) throws IOException {
      lock.lock();
      try {
        long nanos = timeout.toNanos();
        while (size == 0 && !closed) {
          if (nanos <= 0) {
            return 0;
          }
          nanos = readable.awaitNanos(nanos);
        }
        if (size == 0) {
          return -1;
        }
        int n = Math.min(len, size);
        for (int i = 0; i < n; i++) {
          out[off + i] = buf[(head + i) % buf.length];
        }
        head = (head + n) % buf.length;
        size -= n;
        return n;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while reading", e);
      } finally {
        lock.unlock();
      }
    }

    void clear() {
      lock.lock();
      try {
        size = 0;
        head = 0;
      } finally {
        lock.unlock();
      }
    }

    void close() {
      lock.lock();
      try {
        closed = true;
        readable.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private static final class End implements Transport {
    private final Channel in;
    private final Channel out;

    End(Channel in, Channel out) {
      this.in = in;
      this.out = out;
    }

    @Override
    public void write(byte[] data) throws IOException {
      out.put(data.clone());
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
      return in.take(buf, off, len, timeout);
    }

    @Override
    public void drain() {
      in.clear();
    }

    @Override
    public void close() {
      in.close();
      out.close();
    }
  }
}
