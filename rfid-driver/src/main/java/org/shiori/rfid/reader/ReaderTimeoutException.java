package org.shiori.rfid.reader;

/** The reader did not answer with a complete valid frame in time. */
public class ReaderTimeoutException extends ReaderException {
  public ReaderTimeoutException(String message) {
    super(message);
  }

  public ReaderTimeoutException(String message, int code) {
    super(message, code, null);
  }

  public ReaderTimeoutException(String message, int code, Throwable cause) {
    super(message, code, cause);
  }
}
