package org.shiori.kiosk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.shiori.config.CardSettings;
import org.shiori.testkit.Conditions;

/**
 * Contactless cards through PC/SC, behind the {@code javax.smartcardio} seam (pcscd and a reader
 * cannot be reached in a test): GET DATA for the UID, byte for byte, and the answers a reader
 * gives.
 */
class PcscCardReaderTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final RecordingSink sink = new RecordingSink();
  private PcscCardReader reader;

  @AfterEach
  void close() {
    if (reader != null) {
      reader.close();
    }
  }

  @Test
  void getDataForTheUidIsFfCa000000() {
    assertThat(HexFormat.of().formatHex(PcscCardReader.GET_UID.getBytes())).isEqualTo("ffca000000");
  }

  private static CardTerminal terminal(String name, byte[]... answers) throws CardException {
    CardTerminal terminal = mock(CardTerminal.class);
    Card card = mock(Card.class);
    CardChannel channel = mock(CardChannel.class);
    when(terminal.getName()).thenReturn(name);
    when(terminal.connect("*")).thenReturn(card);
    when(card.getBasicChannel()).thenReturn(channel);
    var stub = when(channel.transmit(any(CommandAPDU.class)));
    for (byte[] answer : answers) {
      stub = stub.thenReturn(new ResponseAPDU(answer));
    }
    return terminal;
  }

  @Test
  void theUidOfACardInTheFieldIsTheCardNumberInHex() throws Exception {
    CardTerminal terminal =
        terminal("ACS ACR1252 1S CL Reader PICC 0", HexFormat.of().parseHex("04a1b2c3d4e5f69000"));
    CardTerminals terminals = mock(CardTerminals.class);
    when(terminals.list()).thenReturn(List.of(terminal));
    when(terminal.waitForCardPresent(anyLong())).thenReturn(true, false);
    when(terminal.waitForCardAbsent(anyLong())).thenReturn(true);

    reader =
        new PcscCardReader(
            terminals,
            new CardSettings.Pcsc(Optional.of("acr1252"), CardSettings.PcscData.UID),
            new CardInbox(sink, CardSettings.Codabar.ANY),
            Duration.ofMillis(100));
    reader.start();
    Conditions.await(WAIT, () -> !sink.received.isEmpty(), sink.received::toString);
    assertThat(sink.received).containsExactly("04A1B2C3D4E5F6");
  }

  @Test
  void aCardThatRefusesGetDataIsAMisread_andTheCommandSentIsGetData() throws Exception {
    CardTerminal terminal =
        terminal("Sony FeliCa Port/PaSoRi 4.0", HexFormat.of().parseHex("6a81"));
    CardTerminals terminals = mock(CardTerminals.class);
    when(terminals.list()).thenReturn(List.of(terminal));
    when(terminal.waitForCardPresent(anyLong())).thenReturn(true, false);
    when(terminal.waitForCardAbsent(anyLong())).thenReturn(true);
    reader =
        new PcscCardReader(
            terminals,
            new CardSettings.Pcsc(Optional.empty(), CardSettings.PcscData.UID),
            new CardInbox(sink, CardSettings.Codabar.ANY),
            Duration.ofMillis(100));
    reader.start();
    Conditions.await(WAIT, () -> !sink.received.isEmpty(), sink.received::toString);
    assertThat(sink.received).containsExactly(RecordingSink.MISREAD);

    ArgumentCaptor<CommandAPDU> sent = ArgumentCaptor.forClass(CommandAPDU.class);
    org.mockito.Mockito.verify(terminal.connect("*").getBasicChannel()).transmit(sent.capture());
    assertThat(sent.getValue().getBytes()).isEqualTo(HexFormat.of().parseHex("ffca000000"));
  }

  @Test
  void aReaderPluggedInLaterIsFound() throws Exception {
    CardTerminal terminal =
        terminal("ACS ACR122U", HexFormat.of().parseHex("0102030405060708" + "9000"));
    CardTerminals terminals = mock(CardTerminals.class);
    when(terminals.list())
        .thenThrow(new CardException("SCARD_E_NO_READERS_AVAILABLE"))
        .thenReturn(List.of())
        .thenReturn(List.of(terminal));
    when(terminal.waitForCardPresent(anyLong())).thenReturn(true, false);
    when(terminal.waitForCardAbsent(anyLong())).thenReturn(true);
    reader =
        new PcscCardReader(
            terminals,
            new CardSettings.Pcsc(Optional.empty(), CardSettings.PcscData.UID),
            new CardInbox(sink, CardSettings.Codabar.ANY),
            Duration.ofMillis(50));
    reader.start();
    Conditions.await(WAIT, () -> !sink.received.isEmpty(), sink.received::toString);
    assertThat(sink.received).containsExactly("0102030405060708");
  }
}
