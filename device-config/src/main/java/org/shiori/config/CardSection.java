package org.shiori.config;

import java.util.Optional;
import java.util.regex.Pattern;
import org.shiori.config.CardSettings.Codabar;
import org.shiori.config.CardSettings.CodabarScheme;
import org.shiori.config.CardSettings.EvdevScanner;
import org.shiori.config.CardSettings.OfflinePin;
import org.shiori.config.CardSettings.PadCards;
import org.shiori.config.CardSettings.Pcsc;
import org.shiori.config.CardSettings.PcscData;
import org.shiori.config.CardSettings.Pin;
import org.shiori.config.CardSettings.SerialScanner;
import org.shiori.config.CardSettings.Terminator;

/** Reads {@code card}: the card sources, the Codabar checks and the PIN rules. */
final class CardSection {
  private static final Pattern DEVICE_PATH = Pattern.compile("/[^\\s]+");
  private static final Pattern START_STOP = Pattern.compile("(?!.*(.).*\\1)[ABCD]{1,4}");
  private static final Pattern PREFIX = Pattern.compile("[\\x21-\\x7E]{0,8}");
  private static final String START_STOP_ALLOWED =
      "1 to 4 different characters of A, B, C, D, e.g. A or ABCD";

  private CardSection() {}

  static CardSettings read(SectionReader card) {
    card.allowOnly("evdev", "serial", "pad", "pcsc", "codabar", "pin");
    return new CardSettings(
        optional(card, "evdev").map(CardSection::evdev),
        optional(card, "serial").map(CardSection::serial),
        optional(card, "pad").map(CardSection::pad),
        optional(card, "pcsc").map(CardSection::pcsc),
        codabar(card.section("codabar")),
        pin(card.section("pin")));
  }

  private static Optional<SectionReader> optional(SectionReader card, String key) {
    return card.has(key) ? Optional.of(card.section(key)) : Optional.empty();
  }

  private static EvdevScanner evdev(SectionReader evdev) {
    evdev.allowOnly("path", "eventBytes");
    String allowed = "an input event device path such as /dev/input/by-id/usb-…-event-kbd";
    Optional<String> path = evdev.requiredMatching("path", DEVICE_PATH, allowed);
    int eventBytes = evdev.oneOf("eventBytes", 24, 24, 16);
    return new EvdevScanner(path.orElse("/dev/null"), eventBytes);
  }

  private static SerialScanner serial(SectionReader serial) {
    serial.allowOnly("port", "baud", "prefix", "suffix");
    Optional<String> port =
        serial.requiredMatching("port", DEVICE_PATH, "a serial device path such as /dev/ttyACM0");
    int baud = serial.oneOf("baud", 9600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200);
    String prefix =
        serial.has("prefix")
            ? serial
                .matching("prefix", PREFIX, "up to 8 printable ASCII characters, no spaces")
                .orElse("")
            : "";
    Terminator suffix = serial.choice("suffix", Terminator.class).orElse(Terminator.CR);
    return new SerialScanner(port.orElse("/dev/null"), baud, prefix, suffix);
  }

  private static PadCards pad(SectionReader pad) {
    pad.allowOnly("usage");
    return new PadCards(pad.integer("usage", 8, 0, 15));
  }

  private static Pcsc pcsc(SectionReader pcsc) {
    pcsc.allowOnly("reader", "data");
    Optional<String> reader = pcsc.text("reader", "part of the PC/SC reader's name");
    PcscData data = pcsc.choice("data", PcscData.class).orElse(PcscData.UID);
    return new Pcsc(reader, data);
  }

  private static Codabar codabar(SectionReader codabar) {
    codabar.allowOnly("start", "stop", "check");
    String start =
        codabar.has("start")
            ? codabar.matching("start", START_STOP, START_STOP_ALLOWED).orElse("ABCD")
            : "ABCD";
    String stop =
        codabar.has("stop")
            ? codabar.matching("stop", START_STOP, START_STOP_ALLOWED).orElse("ABCD")
            : "ABCD";
    CodabarScheme check = codabar.choice("check", CodabarScheme.class).orElse(CodabarScheme.NONE);
    return new Codabar(start, stop, check);
  }

  private static Pin pin(SectionReader pin) {
    pin.allowOnly("maxFailures", "lockoutMinutes", "offline");
    return new Pin(
        pin.integer("maxFailures", 3, 1, 10),
        pin.integer("lockoutMinutes", 30, 1, 10080),
        pin.choice("offline", OfflinePin.class).orElse(OfflinePin.REFUSE));
  }

  static SessionSettings session(SectionReader session) {
    session.allowOnly(
        "idleSeconds",
        "extendSeconds",
        "abandonSeconds",
        "returnClearSeconds",
        "incompleteSetReturn");
    int idle = session.integer("idleSeconds", 60, 20, 600);
    int extend = session.integer("extendSeconds", 15, 5, 60);
    if (extend >= idle && session.has("extendSeconds")) {
      session.report("extendSeconds", Integer.toString(extend), "less than session.idleSeconds");
      extend = 15;
    }
    return new SessionSettings(
        idle,
        extend,
        session.integer("abandonSeconds", 30, 5, 30),
        session.integer("returnClearSeconds", 20, 5, 20),
        session
            .choice("incompleteSetReturn", SessionSettings.IncompleteSetReturn.class)
            .orElse(SessionSettings.IncompleteSetReturn.WAIT));
  }
}
