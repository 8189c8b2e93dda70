package org.shiori.gate.visitors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.store.EventStore;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.store.VisitorTally;
import org.shiori.testkit.MutableClock;

/** Walkers counted in a real SQLite file; finished hours reported as stored routine events. */
class VisitorCounterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final MutableClock clock = MutableClock.at("2026-12-01T09:58:00Z");
  @TempDir Path dir;
  private int published;

  private SqliteStore open() {
    return SqliteStore.open(dir.resolve("gate.db"), 10, clock);
  }

  private VisitorCounter counter(SqliteStore store, EventStore events) {
    return new VisitorCounter("gate-1", store.visitors(), events, () -> published++, clock);
  }

  private static List<JsonNode> reports(EventStore events) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (var e : events.pending(100)) {
      out.add(JSON.readTree(e.payload()));
    }
    return out;
  }

  @Test
  void totalsSurviveARestartAndEachFinishedHourIsReportedOnce() throws Exception {
    try (SqliteStore store = open()) {
      EventStore events = store.events(10, clock);
      VisitorCounter counter = counter(store, events);
      counter.reportFinishedHours(); // at start: no hour before invented
      counter.walked(Walk.IN);
      counter.walked(Walk.IN);
      counter.walked(Walk.OUT);
      counter.reportFinishedHours(); // same hour: nothing new
      assertThat(reports(events)).isEmpty();
    }
    clock.advance(Duration.ofMinutes(3)); // restarted after ten o'clock
    try (SqliteStore store = open()) {
      EventStore events = store.events(10, clock);
      VisitorCounter counter = counter(store, events);
      assertThat(counter.totals()).isEqualTo(new VisitorTally.Totals(2, 1));
      counter.walked(Walk.OUT);
      counter.reportFinishedHours();
      List<JsonNode> reports = reports(events);
      assertThat(reports).hasSize(1);
      JsonNode nine = reports.get(0);
      assertThat(nine.get("type").asText()).isEqualTo("visitor-count");
      assertThat(nine.get("schemaVersion").asInt()).isEqualTo(2);
      assertThat(nine.get("from").asText()).isEqualTo("2026-12-01T09:00:00Z");
      assertThat(nine.get("to").asText()).isEqualTo("2026-12-01T10:00:00Z");
      assertThat(nine.get("in").asLong()).isEqualTo(2);
      assertThat(nine.get("out").asLong()).isEqualTo(1);
      assertThat(nine.get("totalIn").asLong()).isEqualTo(2);
      assertThat(nine.get("totalOut").asLong()).isEqualTo(2);
      assertThat(published).isEqualTo(1);
      clock.advance(Duration.ofHours(1)); // ran through ten o'clock with one walker
      counter.reportFinishedHours();
      assertThat(reports(events)).hasSize(2);
      assertThat(reports(events).get(1).get("out").asLong()).isEqualTo(1);
      clock.advance(Duration.ofHours(1)); // a quiet hour is reported too
      counter.reportFinishedHours();
      assertThat(reports(events).get(2).get("in").asLong()).isZero();
      assertThat(reports(events).get(2).get("from").asText()).isEqualTo("2026-12-01T11:00:00Z");
    }
  }

  @Test
  void aClosedStoreIsLoggedNotThrownToTheBeams() {
    SqliteStore store = open();
    EventStore events = store.events(10, clock);
    VisitorCounter counter = counter(store, events);
    store.close();
    counter.walked(Walk.IN);
    counter.reportFinishedHours();
    assertThat(published).isZero();
  }
}
