package org.shiori.rfid.reader;

/** A frame was malformed or the reader reported a protocol or parameter error. */
public class ProtocolException extends ReaderException {
  public ProtocolException(String message) {
    super(message);
  }

  public ProtocolException(String message, int code) {
    super(message, code, null);
  }

  public ProtocolException(String message, int code, Throwable cause) {
    super(message, code, cause);
  }
}
