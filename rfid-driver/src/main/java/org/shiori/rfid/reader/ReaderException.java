package org.shiori.rfid.reader;

/** Common supertype of everything that can go wrong talking to a reader or a tag. */
public class ReaderException extends Exception {
  private final int code;

  public ReaderException(String message) {
    this(message, -1, null);
  }

  public ReaderException(String message, int code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** Reader status or error code that caused this, or -1 when none applies. */
  public int code() {
    return code;
  }
}
