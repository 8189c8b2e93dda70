package org.shiori.kiosk.card;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the input event node of a USB HID scanner. A character device (the real node) is opened
 * through libc and grabbed with {@code ioctl(EVIOCGRAB)}, so its keystrokes reach no other reader:
 * not the console, not the kiosk's browser. Anything else (a FIFO in tests) is read as a plain
 * file, and the grab is skipped, logged once.
 */
final class EvdevNode {
  private static final Logger LOG = LoggerFactory.getLogger(EvdevNode.class);

  /** {@code _IOW('E', 0x90, int)}. */
  static final long EVIOCGRAB = (1L << 30) | (4L << 16) | ('E' << 8) | 0x90;

  private static final int O_RDONLY = 0;
  private static final int O_NONBLOCK = 0x800;
  private static final int O_CLOEXEC = 0x80000;
  private static final int EAGAIN = 11;
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final long POLL_MILLIS = 20;

  private final Path path;
  private final AtomicBoolean grabSkipLogged = new AtomicBoolean();

  EvdevNode(Path path) {
    this.path = path;
  }

  /** The C library calls used; loaded on first use of a real device only. */
  interface LibC extends Library {
    int open(String path, int flags) throws LastErrorException;

    int ioctl(int fd, NativeLong request, Object... args) throws LastErrorException;

    NativeLong read(int fd, byte[] buffer, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  InputStream open() throws IOException {
    if (!Files.exists(path)) {
      throw new NoSuchFileException(path.toString());
    }
    if (isCharacterDevice(path)) {
      return GrabbedDevice.open(path);
    }
    if (grabSkipLogged.compareAndSet(false, true)) {
      LOG.info("{} is no character device: read without an exclusive grab", path);
    }
    return new FileInputStream(path.toFile());
  }

  static boolean isCharacterDevice(Path path) throws IOException {
    Object mode = Files.getAttribute(path, "unix:mode");
    return mode instanceof Integer m && (m & S_IFMT) == S_IFCHR;
  }

  /** An event device opened and grabbed through libc; released and closed with the stream. */
  static final class GrabbedDevice extends InputStream {
    private final int fd;
    private volatile boolean closed;

    private GrabbedDevice(int fd) {
      this.fd = fd;
    }

    static GrabbedDevice open(Path path) throws IOException {
      LibC libc = Holder.LIBC;
      int fd;
      try {
        fd = libc.open(path.toString(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
      } catch (LastErrorException e) {
        throw new IOException("cannot open " + path + ": errno " + e.getErrorCode(), e);
      }
      try {
        libc.ioctl(fd, new NativeLong(EVIOCGRAB), 1);
      } catch (LastErrorException e) {
        libc.close(fd);
        throw new IOException(
            "cannot grab "
                + path
                + " (ioctl EVIOCGRAB, errno "
                + e.getErrorCode()
                + "): is it an input event device, and not grabbed by another program?",
            e);
      }
      return new GrabbedDevice(fd);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      byte[] chunk = new byte[len];
      while (!closed) {
        try {
          long n = Holder.LIBC.read(fd, chunk, new NativeLong(len)).longValue();
          if (n == 0) {
            return -1;
          }
          System.arraycopy(chunk, 0, b, off, (int) n);
          return (int) n;
        } catch (LastErrorException e) {
          if (e.getErrorCode() != EAGAIN) {
            // ENODEV when the scanner is unplugged
            throw new IOException("reading the event device failed: errno " + e.getErrorCode(), e);
          }
        }
        try {
          Thread.sleep(POLL_MILLIS); // non-blocking descriptor, so close() is never stuck
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted");
        }
      }
      return -1;
    }

    @Override
    public void close() {
      if (!closed) {
        closed = true;
        try {
          Holder.LIBC.ioctl(fd, new NativeLong(EVIOCGRAB), 0);
        } catch (LastErrorException gone) {
          // an unplugged device has no grab left to release
        }
        Holder.LIBC.close(fd);
      }
    }
  }
}
