package org.shiori.rfid.reader;

/** The tag refused a write because the block, AFI or DSFID is locked. */
public class TagLockedException extends ReaderException {
  public TagLockedException(String message) {
    super(message);
  }

  public TagLockedException(String message, int code) {
    super(message, code, null);
  }

  public TagLockedException(String message, int code, Throwable cause) {
    super(message, code, cause);
  }
}
