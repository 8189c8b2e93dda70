package org.shiori.gate.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiori.testkit.MutableClock;

class VisitorCounterTest {
  private final MutableClock clock = MutableClock.at("2026-11-21T09:00:00Z");
  private final List<VisitorCount> published = new ArrayList<>();
  private final VisitorCounter counter = new VisitorCounter("gate-1", published::add, clock);

  @Test
  void eachReportCarriesItsPeriodAndTheRunningTotal() {
    counter.visitorPassed();
    counter.visitorPassed();
    clock.advance(Duration.ofMinutes(5));
    counter.report();
    clock.advance(Duration.ofMinutes(5));
    counter.report();
    counter.visitorPassed();
    clock.advance(Duration.ofMinutes(5));
    counter.report();

    Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
    assertThat(published)
        .containsExactly(
            new VisitorCount("gate-1", t0, t0.plusSeconds(300), 2, 2),
            new VisitorCount("gate-1", t0.plusSeconds(300), t0.plusSeconds(600), 0, 2),
            new VisitorCount("gate-1", t0.plusSeconds(600), t0.plusSeconds(900), 1, 3));
  }

  @Test
  void payloadIsVersionedJsonWithCountsOnly() throws Exception {
    Instant t0 = Instant.parse("2026-11-21T09:00:00Z");
    JsonNode json =
        new ObjectMapper()
            .readTree(new VisitorCount("gate-1", t0, t0.plusSeconds(300), 4, 17).encode());

    assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(json.get("type").asText()).isEqualTo("visitor-count");
    assertThat(json.get("deviceId").asText()).isEqualTo("gate-1");
    assertThat(json.get("from").asText()).isEqualTo("2026-11-21T09:00:00Z");
    assertThat(json.get("to").asText()).isEqualTo("2026-11-21T09:05:00Z");
    assertThat(json.get("count").asLong()).isEqualTo(4);
    assertThat(json.get("total").asLong()).isEqualTo(17);
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly("schemaVersion", "type", "deviceId", "from", "to", "count", "total");
  }
}
