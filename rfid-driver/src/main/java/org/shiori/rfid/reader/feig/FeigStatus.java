package org.shiori.rfid.reader.feig;

import org.shiori.rfid.iso15693.Iso15693Error;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.ProtocolException;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.RfException;

/** FEIG reader status bytes (classic-pro manual, annex C) and their typed exceptions. */
public final class FeigStatus {
  public static final int OK = 0x00;
  public static final int NO_TRANSPONDER = 0x01;
  public static final int DATA_FALSE = 0x02;
  public static final int WRITE_ERROR = 0x03;
  public static final int ADDRESS_ERROR = 0x04;
  public static final int WRONG_TRANSPONDER_TYPE = 0x05;
  public static final int GENERAL_ERROR = 0x0E;
  public static final int PARAMETER_RANGE = 0x11;
  public static final int UNKNOWN_COMMAND = 0x80;
  public static final int LENGTH_ERROR = 0x81;
  public static final int RF_COMMUNICATION_ERROR = 0x83;
  public static final int BUFFER_OVERFLOW = 0x93;
  public static final int MORE_DATA = 0x94;
  public static final int ISO_ERROR = 0x95;

  private FeigStatus() {}

  public static String describe(int status) {
    switch (status) {
      case OK:
        return "OK";
      case NO_TRANSPONDER:
        return "no transponder";
      case DATA_FALSE:
        return "data false";
      case WRITE_ERROR:
        return "write error";
      case ADDRESS_ERROR:
        return "address error";
      case WRONG_TRANSPONDER_TYPE:
        return "wrong transponder type";
      case GENERAL_ERROR:
        return "general error";
      case PARAMETER_RANGE:
        return "parameter range error";
      case UNKNOWN_COMMAND:
        return "unknown command";
      case LENGTH_ERROR:
        return "length error";
      case RF_COMMUNICATION_ERROR:
        return "RF communication error";
      case BUFFER_OVERFLOW:
        return "buffer overflow";
      case MORE_DATA:
        return "more data";
      case ISO_ERROR:
        return "ISO 15693 error";
      default:
        return String.format("status 0x%02X", status);
    }
  }

  /** The typed exception for a non-OK status; {@code data} carries the ISO error for 0x95. */
  public static ReaderException toException(int command, int status, byte[] data) {
    String what = String.format("FEIG command 0x%02X: %s", command, describe(status));
    switch (status) {
      case NO_TRANSPONDER:
        return new NoTagException(what, status);
      case DATA_FALSE:
      case WRITE_ERROR:
      case RF_COMMUNICATION_ERROR:
        return new RfException(what, status);
      case ISO_ERROR:
        if (data.length < 1) {
          return new ProtocolException(what + " without ISO error code", status);
        }
        return Iso15693Error.toException(what, data[0] & 0xFF);
      default:
        return new ProtocolException(what, status);
    }
  }
}
