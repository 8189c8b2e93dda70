package org.shiori.device.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.store.VisitorTally.Totals;

/** Visitor counts in the SQLite file: durable totals, hourly reports stored as routine events. */
class VisitorTallyTest {
  private static final Instant NINE = Instant.parse("2026-11-21T00:00:00Z");
  private static final Instant TEN = Instant.parse("2026-11-21T01:00:00Z");
  private static final Instant ELEVEN = Instant.parse("2026-11-21T02:00:00Z");
  private static final VisitorTally.HourReport REPORT =
      (hour, totals) ->
          (hour.start() + " in " + hour.in() + " out " + hour.out() + " total " + totals.in())
              .getBytes(UTF_8);

  @TempDir Path dir;

  private SqliteStore open() {
    return SqliteStore.open(dir.resolve("gate.db"), 10, StoreFixtures.CLOCK);
  }

  private static List<String> texts(EventStore events) {
    return events.pending(100).stream().map(e -> new String(e.payload(), UTF_8)).toList();
  }

  @Test
  void totalsAndHoursSurviveAReopen() {
    try (SqliteStore store = open()) {
      VisitorTally tally = store.visitors();
      tally.record(true, NINE);
      tally.record(true, NINE);
      assertThat(tally.record(false, TEN)).isEqualTo(new Totals(2, 1));
    }
    try (SqliteStore store = open()) {
      VisitorTally tally = store.visitors();
      assertThat(tally.totals()).isEqualTo(new Totals(2, 1));
      assertThat(tally.hour(NINE)).isEqualTo(new VisitorTally.Hour(NINE, 2, 0));
      assertThat(tally.hour(ELEVEN)).isEqualTo(new VisitorTally.Hour(ELEVEN, 0, 0));
    }
  }

  @Test
  void eachFinishedHourIsReportedOnceAsARoutineEventAndAQuietHourToo() {
    try (SqliteStore store = open()) {
      VisitorTally tally = store.visitors();
      EventStore events = store.events(10, StoreFixtures.CLOCK);
      tally.record(true, NINE);
      tally.record(false, NINE);
      tally.record(true, TEN); // the hour still running is not reported

      assertThat(tally.reportHoursBefore(TEN, true, events, REPORT)).isEqualTo(1);
      assertThat(tally.reportHoursBefore(TEN, true, events, REPORT)).isZero();
      assertThat(texts(events)).containsExactly("2026-11-21T00:00:00Z in 1 out 1 total 2");
      assertThat(events.pending(10).get(0).alarm()).isFalse();

      tally.reportHoursBefore(Instant.parse("2026-11-21T04:00:00Z"), false, events, REPORT);
      assertThat(texts(events)).hasSize(2); // stopped at three: no quiet hour invented
      tally.reportHoursBefore(Instant.parse("2026-11-21T03:00:00Z"), true, events, REPORT);
      assertThat(texts(events))
          .containsExactly(
              "2026-11-21T00:00:00Z in 1 out 1 total 2",
              "2026-11-21T01:00:00Z in 1 out 0 total 2",
              "2026-11-21T02:00:00Z in 0 out 0 total 2");
    }
  }

  @Test
  void whenTheStoreIsFullVisitorReportsGiveWayToAlarmsAndAreKeptWhenRefused() {
    try (SqliteStore store = open()) {
      VisitorTally tally = store.visitors();
      EventStore events = store.events(2, StoreFixtures.CLOCK);
      tally.record(true, NINE);
      tally.reportHoursBefore(TEN, true, events, REPORT);
      events.store("alarm-1".getBytes(UTF_8), true);
      events.store("alarm-2".getBytes(UTF_8), true); // the visitor report gives way
      assertThat(texts(events)).containsExactly("alarm-1", "alarm-2");

      tally.record(false, TEN);
      assertThat(tally.reportHoursBefore(ELEVEN, true, events, REPORT)).isZero(); // full of alarms
      assertThat(texts(events)).containsExactly("alarm-1", "alarm-2");
      events.confirmed(events.pending(1).get(0).sequence());
      assertThat(tally.reportHoursBefore(ELEVEN, true, events, REPORT)).isEqualTo(1);
      assertThat(texts(events))
          .containsExactly("alarm-2", "2026-11-21T01:00:00Z in 0 out 1 total 1");
      assertThat(tally.totals()).isEqualTo(new Totals(1, 1));
    }
  }
}
