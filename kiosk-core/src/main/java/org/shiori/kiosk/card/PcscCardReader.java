package org.shiori.kiosk.card;

import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.shiori.config.CardSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A contactless card reader through PC/SC (pcscd): when a card comes into the field, its UID (ISO
 * 14443) or IDm (FeliCa) is read with the GET DATA command {@code FF CA 00 00 00} of the PC/SC part
 * 3 pseudo-APDUs and passed on in upper-case hex as the card number.
 */
public final class PcscCardReader implements CardSource {
  private static final Logger LOG = LoggerFactory.getLogger(PcscCardReader.class);

  /** GET DATA, UID: CLA FF, INS CA, P1 00, P2 00, Le 00 (all bytes). */
  static final CommandAPDU GET_UID = new CommandAPDU(0xFF, 0xCA, 0x00, 0x00, 256);

  private static final long WAIT_MILLIS = 500;

  private final CardTerminals terminals;
  private final CardSettings.Pcsc settings;
  private final CardInbox inbox;
  private final DeviceLoop loop;

  /** On the system's PC/SC service. */
  public static PcscCardReader onSystem(
      CardSettings.Pcsc settings, CardInbox inbox, Duration retry) {
    return new PcscCardReader(TerminalFactory.getDefault().terminals(), settings, inbox, retry);
  }

  /** On the given terminals (a test seam). */
  public PcscCardReader(
      CardTerminals terminals, CardSettings.Pcsc settings, CardInbox inbox, Duration retry) {
    this.terminals = terminals;
    this.settings = settings;
    this.inbox = inbox;
    this.loop = new DeviceLoop("pcsc", () -> this::serve, retry);
  }

  private void serve() throws IOException {
    CardTerminal terminal = terminal();
    try {
      while (!loop.closed()) {
        if (!terminal.waitForCardPresent(WAIT_MILLIS)) {
          continue;
        }
        readOnce(terminal).ifPresentOrElse(inbox::chip, inbox::misread);
        while (!loop.closed() && !terminal.waitForCardAbsent(WAIT_MILLIS)) {
          // one read per presentation: the card is still lying on the reader
        }
      }
    } catch (CardException e) {
      throw new IOException("PC/SC reader failed: " + e.getMessage(), e);
    }
  }

  private CardTerminal terminal() throws IOException {
    List<CardTerminal> all;
    try {
      all = terminals.list();
    } catch (CardException e) {
      throw new IOException("no PC/SC service or reader: " + e.getMessage(), e);
    }
    return all.stream()
        .filter(
            t ->
                settings
                    .reader()
                    .map(
                        part ->
                            t.getName()
                                .toLowerCase(Locale.ROOT)
                                .contains(part.toLowerCase(Locale.ROOT)))
                    .orElse(true))
        .findFirst()
        .orElseThrow(
            () ->
                new IOException(
                    "no PC/SC reader"
                        + settings.reader().map(r -> " named like \"" + r + "\"").orElse("")));
  }

  /** The card number of the card in the field, or empty when the card did not answer. */
  Optional<String> readOnce(CardTerminal terminal) {
    Card card = null;
    try {
      card = terminal.connect("*");
      ResponseAPDU answer = card.getBasicChannel().transmit(GET_UID);
      if (answer.getSW() != 0x9000 || answer.getData().length == 0) {
        LOG.info("contactless card refused GET DATA (SW {})", Integer.toHexString(answer.getSW()));
        return Optional.empty();
      }
      return Optional.of(HexFormat.of().withUpperCase().formatHex(answer.getData()));
    } catch (CardException e) {
      LOG.info("contactless card left before it was read: {}", e.getMessage());
      return Optional.empty();
    } finally {
      if (card != null) {
        try {
          card.disconnect(false);
        } catch (CardException e) {
          // the card is gone already
        }
      }
    }
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void close() {
    loop.close();
  }
}
