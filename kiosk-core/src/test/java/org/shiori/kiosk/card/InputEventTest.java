package org.shiori.kiosk.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Linux input_event layouts, byte for byte, and the US keymap of HID scanners. */
class InputEventTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void sixtyFourBitLayoutIsTimevalSixteenThenTypeCodeValue() {
    // tv_sec 0x65, tv_usec 0x0102, EV_KEY, KEY_1 (2), pressed
    byte[] record =
        HEX.parseHex("6500000000000000" + "0201000000000000" + "0100" + "0200" + "01000000");
    assertThat(InputEvent.decode(record, 0, 24)).isEqualTo(new InputEvent(1, 2, 1));
    assertThat(HEX.formatHex(new InputEvent(1, 2, 1).encode(24)))
        .isEqualTo("0000000000000000" + "0000000000000000" + "0100" + "0200" + "01000000");
  }

  @Test
  void thirtyTwoBitLayoutIsTimevalEightThenTypeCodeValue() {
    byte[] record = HEX.parseHex("65000000" + "02010000" + "0100" + "1c00" + "00000000");
    assertThat(InputEvent.decode(record, 0, 16)).isEqualTo(new InputEvent(1, 28, 0));
    assertThat(HEX.formatHex(new InputEvent(1, 28, 2).encode(16)))
        .isEqualTo("0000000000000000" + "0100" + "1c00" + "02000000");
  }

  @Test
  void negativeValuesAndHighCodesDecode() {
    byte[] record = HEX.parseHex("0000000000000000" + "0200" + "ffff" + "ffffffff");
    assertThat(InputEvent.decode(record, 0, 16)).isEqualTo(new InputEvent(2, 0xFFFF, -1));
  }

  @Test
  void otherSizesAreRefused() {
    assertThatThrownBy(() -> InputEvent.decode(new byte[32], 0, 32))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void usKeymapGivesCodabarSymbolsWithShiftAndEnter() {
    UsKeyboard keyboard = new UsKeyboard();
    byte[] strokes = KeyStrokes.of("A12$:/.+-90B", 24);
    Optional<String> symbol = Optional.empty();
    for (int i = 0; i < strokes.length; i += 24) {
      Optional<String> done = keyboard.feed(InputEvent.decode(strokes, i, 24));
      if (done.isPresent()) {
        symbol = done;
      }
    }
    assertThat(symbol).contains("A12$:/.+-90B");
  }

  @Test
  void autoRepeatAndReleasesAddNothing_unknownKeysSpoilTheSymbol() {
    UsKeyboard keyboard = new UsKeyboard();
    keyboard.feed(new InputEvent(1, 2, 1)); // 1
    keyboard.feed(new InputEvent(1, 2, 2)); // auto-repeat
    keyboard.feed(new InputEvent(1, 2, 0));
    assertThat(keyboard.feed(new InputEvent(1, UsKeyboard.KEY_KPENTER, 1))).contains("1");
    keyboard.feed(new InputEvent(1, 59, 1)); // F1
    assertThat(keyboard.feed(new InputEvent(1, UsKeyboard.KEY_ENTER, 1))).contains("?");
  }

  @Test
  void anEndlessSymbolIsDropped() {
    UsKeyboard keyboard = new UsKeyboard();
    for (int i = 0; i < UsKeyboard.MAX_LENGTH + 10; i++) {
      keyboard.feed(new InputEvent(1, 2, 1));
    }
    assertThat(keyboard.feed(new InputEvent(1, UsKeyboard.KEY_ENTER, 1))).contains("");
  }
}
