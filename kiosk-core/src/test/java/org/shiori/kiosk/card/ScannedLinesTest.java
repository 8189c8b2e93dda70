package org.shiori.kiosk.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Splitting a serial scanner's stream by prefix and suffix. */
class ScannedLinesTest {
  private static List<Optional<String>> feed(ScannedLines lines, String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return lines.feed(b, b.length);
  }

  @Test
  void linesSplitAcrossReadsAreJoined() {
    ScannedLines lines = new ScannedLines("]F", "\r\n");
    assertThat(feed(lines, "]FA2000")).isEmpty();
    assertThat(feed(lines, "000001B\r")).isEmpty();
    assertThat(feed(lines, "\n]FA1B\r\n"))
        .containsExactly(Optional.of("A2000000001B"), Optional.of("A1B"));
  }

  @Test
  void aLineWithoutThePrefixOrTooLongIsAMisread() {
    ScannedLines lines = new ScannedLines("]F", "\r");
    assertThat(feed(lines, "A2000000001B\r")).containsExactly(Optional.empty());
    assertThat(feed(lines, "]F" + "1".repeat(ScannedLines.MAX_LINE + 1))).isEmpty();
    assertThat(feed(lines, "2\r]FA1B\r")).containsExactly(Optional.empty(), Optional.of("A1B"));
  }
}
