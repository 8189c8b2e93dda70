package org.shiori.central.ils.fileimport;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Refuses a physical line longer than a limit while reading, so one endless line never has to fit
 * in memory; also drops a leading byte order mark, which spreadsheet exports put before the header.
 */
final class LineLimitReader extends FilterReader {
  /** Thrown through the CSV parser when a line is too long. */
  static final class LineTooLongException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;

    LineTooLongException(long line, int limit) {
      super("line " + line + " is longer than " + limit + " characters");
      this.line = line;
    }
  }

  private final int maxLineChars;
  private long line = 1;
  private int lineChars;
  private boolean started;

  LineLimitReader(Reader in, int maxLineChars) {
    super(in);
    this.maxLineChars = maxLineChars;
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n <= 0) {
      return n;
    }
    if (!started) {
      started = true;
      if (buf[off] == '\uFEFF') {
        System.arraycopy(buf, off + 1, buf, off, n - 1);
        n--;
        if (n == 0) {
          return read(buf, off, len);
        }
      }
    }
    for (int i = off; i < off + n; i++) {
      if (buf[i] == '\n') {
        line++;
        lineChars = 0;
      } else if (++lineChars > maxLineChars) {
        throw new LineTooLongException(line, maxLineChars);
      }
    }
    return n;
  }
}
