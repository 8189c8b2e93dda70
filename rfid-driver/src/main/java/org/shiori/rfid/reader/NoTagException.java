package org.shiori.rfid.reader;

/** No tag answered (not in the field, or it did not respond). */
public class NoTagException extends ReaderException {
  public NoTagException(String message) {
    super(message);
  }

  public NoTagException(String message, int code) {
    super(message, code, null);
  }

  public NoTagException(String message, int code, Throwable cause) {
    super(message, code, cause);
  }
}
