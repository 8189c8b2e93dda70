package org.shiori.rfid.reader;

/** The air interface failed (collision, weak field, write not completed). */
public class RfException extends ReaderException {
  public RfException(String message) {
    super(message);
  }

  public RfException(String message, int code) {
    super(message, code, null);
  }

  public RfException(String message, int code, Throwable cause) {
    super(message, code, cause);
  }
}
