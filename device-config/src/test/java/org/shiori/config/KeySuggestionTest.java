package org.shiori.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySuggestionTest {
  private static final List<String> KEYS =
      List.of("url", "tls", "clientId", "keepAliveSeconds", "baud", "busAddress", "parity");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "buad, baud",
    "partiy, parity",
    "clientid, clientId",
    "keepalive, keepAliveSeconds",
    "busadress, busAddress",
    "uri, url",
    "tsl, tls",
  })
  void suggestsTheIntendedKey(String typed, String expected) {
    assertThat(KeySuggestion.closest(typed, KEYS)).contains(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"patronName", "password", "x", "speed"})
  void suggestsNothingForUnrelatedKeys(String typed) {
    assertThat(KeySuggestion.closest(typed, KEYS)).isEmpty();
  }

  @ParameterizedTest(name = "{0} vs {1} = {2}")
  @CsvSource({"baud, baud, 0", "buad, baud, 1", "kitten, sitting, 3", "'', abc, 3"})
  void editDistanceCountsSwapsAsOneEdit(String a, String b, int distance) {
    assertThat(KeySuggestion.editDistance(a, b)).isEqualTo(distance);
  }
}
