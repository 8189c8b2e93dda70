package org.shiori.gate.beam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edge sequences (ms:B = broken, ms:C = clear) and the interruptions they count, settle 100 ms. */
class BeamDebouncerTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "'0:B 400:C',                         1",
    "'0:B 400:C 1000:B 1400:C',           2",
    "'0:B 5:C 8:B 400:C',                 1", // bounce on the leading edge
    "'0:B 400:C 404:B 409:C',             1", // bounce on the trailing edge
    "'0:B 300:C 350:B 700:C',             1", // swinging bag: clear for less than settle
    "'0:B 300:C 400:B 700:C',             2", // clear for exactly settle: a second visitor
    "'0:C 50:B',                          1", // first edge after start counts
    "'0:B 10:B 20:B',                     1", // repeated level is no edge
    "'',                                  0",
  })
  void countsInterruptions(String edges, int expected) {
    BeamDebouncer d = new BeamDebouncer(Duration.ofMillis(100));
    Instant start = Instant.parse("2026-11-21T09:00:00Z");
    List<Boolean> counted = new ArrayList<>();
    for (String e : edges.isBlank() ? new String[0] : edges.trim().split("\\s+")) {
      String[] p = e.split(":");
      counted.add(d.edge(p[1].equals("B"), start.plusMillis(Long.parseLong(p[0]))));
    }
    assertThat(counted.stream().filter(b -> b).count()).isEqualTo(expected);
  }
}
