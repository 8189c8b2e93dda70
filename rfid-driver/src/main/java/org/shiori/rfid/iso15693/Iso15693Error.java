package org.shiori.rfid.iso15693;

import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.RfException;
import org.shiori.rfid.reader.TagLockedException;

/** ISO/IEC 15693-3 response error codes. */
public final class Iso15693Error {
  public static final int NOT_SUPPORTED = 0x01;
  public static final int NOT_RECOGNISED = 0x02;
  public static final int OPTION_NOT_SUPPORTED = 0x03;
  public static final int GENERIC = 0x0F;
  public static final int BLOCK_UNAVAILABLE = 0x10;
  public static final int ALREADY_LOCKED = 0x11;
  public static final int LOCKED = 0x12;
  public static final int PROGRAM_FAILED = 0x13;
  public static final int LOCK_FAILED = 0x14;

  private Iso15693Error() {}

  public static String describe(int code) {
    switch (code) {
      case NOT_SUPPORTED:
        return "command not supported";
      case NOT_RECOGNISED:
        return "command not recognised";
      case OPTION_NOT_SUPPORTED:
        return "option not supported";
      case GENERIC:
        return "unknown error";
      case BLOCK_UNAVAILABLE:
        return "block not available";
      case ALREADY_LOCKED:
        return "already locked";
      case LOCKED:
        return "locked, content cannot be changed";
      case PROGRAM_FAILED:
        return "programming failed";
      case LOCK_FAILED:
        return "lock failed";
      default:
        return String.format("ISO error 0x%02X", code);
    }
  }

  /** Maps an ISO error code to the typed exception a caller can act on. */
  public static ReaderException toException(String context, int code) {
    String what = context + ": " + describe(code);
    switch (code) {
      case ALREADY_LOCKED:
      case LOCKED:
        return new TagLockedException(what, code);
      case PROGRAM_FAILED:
      case LOCK_FAILED:
      case GENERIC:
        return new RfException(what, code);
      default:
        return new ProtocolException(what, code);
    }
  }
}
