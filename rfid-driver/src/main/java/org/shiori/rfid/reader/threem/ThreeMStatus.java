package org.shiori.rfid.reader.threem;

import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.RfException;
import org.shiori.rfid.reader.TagLockedException;

/** 3M Model 210 error codes (specification appendix A) and their typed exceptions. */
public final class ThreeMStatus {
  public static final int OK = 0x00;
  public static final int UNKNOWN_COMMAND = 0x02;
  public static final int NO_TRANSPONDER = 0x06;
  public static final int UNKNOWN_ERROR = 0x0F;
  public static final int MEM_NOT_AVAILABLE = 0x11;
  public static final int MEM_LOCKED = 0x12;
  public static final int MEM_NOT_READ = 0x15;
  public static final int MEM_NOT_PUT = 0x16;
  public static final int NOT_SUPPORTED = 0x30;
  public static final int OPTION_NOT_SUPPORTED = 0x31;
  public static final int PARAM_ERROR = 0x32;

  private ThreeMStatus() {}

  public static String describe(int code) {
    switch (code) {
      case OK:
        return "no error";
      case UNKNOWN_COMMAND:
        return "command unknown to this firmware";
      case NO_TRANSPONDER:
        return "no transponder";
      case UNKNOWN_ERROR:
        return "unknown error";
      case MEM_NOT_AVAILABLE:
        return "memory not available";
      case MEM_LOCKED:
        return "memory locked";
      case MEM_NOT_READ:
        return "memory not read";
      case MEM_NOT_PUT:
        return "memory not written";
      case 0x21:
        return "tag: command not supported";
      case 0x22:
        return "tag: command unknown";
      case 0x23:
        return "tag: option not supported";
      case NOT_SUPPORTED:
        return "not supported by this tag";
      case OPTION_NOT_SUPPORTED:
        return "option not supported";
      case PARAM_ERROR:
        return "parameter error";
      default:
        return String.format("error 0x%02X", code);
    }
  }

  public static ReaderException toException(int command, int code) {
    String what = String.format("3M command 0x%02X: %s", command, describe(code));
    switch (code) {
      case NO_TRANSPONDER:
        return new NoTagException(what, code);
      case MEM_LOCKED:
        return new TagLockedException(what, code);
      case UNKNOWN_ERROR:
      case MEM_NOT_READ:
      case MEM_NOT_PUT:
        return new RfException(what, code);
      default:
        return new ProtocolException(what, code);
    }
  }
}
