package org.shiori.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Where library cards come from and how their numbers are checked. Each source is optional; a kiosk
 * with none configured stays in return mode.
 *
 * @param evdev a USB HID barcode scanner read from its input event node
 * @param serial a barcode scanner on a serial line
 * @param pad patron cards laid on the RFID pad
 * @param pcsc a contactless card reader behind pcscd
 * @param codabar how a scanned Codabar (NW-7) card number is checked
 * @param pin PIN entry and lockout (R-CARD-2)
 */
public record CardSettings(
    Optional<EvdevScanner> evdev,
    Optional<SerialScanner> serial,
    Optional<PadCards> pad,
    Optional<Pcsc> pcsc,
    Codabar codabar,
    Pin pin) {

  public CardSettings {
    Objects.requireNonNull(evdev, "evdev");
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(pad, "pad");
    Objects.requireNonNull(pcsc, "pcsc");
    Objects.requireNonNull(codabar, "codabar");
    Objects.requireNonNull(pin, "pin");
  }

  /** No card source, default checks: what a kiosk gets without a {@code card} section. */
  public static CardSettings none() {
    return new CardSettings(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Codabar.ANY,
        Pin.DEFAULT);
  }

  /**
   * A USB HID (keyboard) barcode scanner.
   *
   * @param path its event node, e.g. {@code /dev/input/by-id/usb-…-event-kbd}
   * @param eventBytes size of one {@code input_event}: 24 on 64-bit, 16 on 32-bit Raspberry Pi OS
   */
  public record EvdevScanner(String path, int eventBytes) {
    public EvdevScanner {
      Objects.requireNonNull(path, "path");
    }
  }

  /**
   * A serial barcode scanner: each card number is sent as prefix, number, suffix.
   *
   * @param port serial device path
   * @param baud line speed (8N1)
   * @param prefix text sent before the number (may be empty)
   * @param suffix the terminator after the number
   */
  public record SerialScanner(String port, int baud, String prefix, Terminator suffix) {
    public SerialScanner {
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(suffix, "suffix");
    }
  }

  /** What ends a scanned number on a serial line. */
  public enum Terminator implements ConfigName {
    CR("cr", "\r"),
    LF("lf", "\n"),
    CRLF("crlf", "\r\n"),
    TAB("tab", "\t"),
    ETX("etx", "\u0003");

    private final String configName;
    private final String text;

    Terminator(String configName, String text) {
      this.configName = configName;
      this.text = text;
    }

    @Override
    public String configName() {
      return configName;
    }

    public String text() {
      return text;
    }
  }

  /**
   * Patron cards on the RFID pad: an ISO 15693 tag whose ISO 28560 type of usage is {@code usage}
   * (8, "patron card", by default) carries the card number as its primary item identifier.
   */
  public record PadCards(int usage) {}

  /**
   * A PC/SC contactless reader.
   *
   * @param reader part of the reader's name to pick it among several; empty for the first one
   * @param data what becomes the card number
   */
  public record Pcsc(Optional<String> reader, PcscData data) {
    public Pcsc {
      Objects.requireNonNull(reader, "reader");
      Objects.requireNonNull(data, "data");
    }
  }

  /** The card number of a contactless card. */
  public enum PcscData implements ConfigName {
    /** The UID (ISO 14443) or IDm (FeliCa) from GET DATA {@code FF CA 00 00 00}, in hex. */
    UID("uid");

    private final String configName;

    PcscData(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }
  }

  /**
   * Codabar (NW-7) checks of scanned numbers.
   *
   * @param start allowed start characters (a subset of ABCD)
   * @param stop allowed stop characters (a subset of ABCD)
   * @param check check character scheme
   */
  public record Codabar(String start, String stop, CodabarScheme check) {
    public static final Codabar ANY = new Codabar("ABCD", "ABCD", CodabarScheme.NONE);

    public Codabar {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(stop, "stop");
      Objects.requireNonNull(check, "check");
    }
  }

  /** The check character schemes of {@code org.shiori.rfid.barcode.CodabarCheck}. */
  public enum CodabarScheme implements ConfigName {
    NONE("none"),
    MOD16("mod16"),
    MOD10_21_SPLIT("mod10-21-split"),
    MOD10_21_NONSPLIT("mod10-21-nonsplit");

    private final String configName;

    CodabarScheme(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }
  }

  /**
   * PIN entry (R-CARD-2).
   *
   * @param maxFailures wrong PINs in a row before the card is locked at this kiosk
   * @param lockoutMinutes how long a lockout lasts
   * @param offline what the kiosk does when central cannot check a PIN
   */
  public record Pin(int maxFailures, int lockoutMinutes, OfflinePin offline) {
    public static final Pin DEFAULT = new Pin(3, 30, OfflinePin.REFUSE);

    public Pin {
      Objects.requireNonNull(offline, "offline");
    }
  }

  /** How a PIN is checked while central is unreachable. */
  public enum OfflinePin implements ConfigName {
    /** No PIN check offline: categories that need a PIN borrow at the counter. */
    REFUSE("refuse");

    private final String configName;

    OfflinePin(String configName) {
      this.configName = configName;
    }

    @Override
    public String configName() {
      return configName;
    }
  }
}
