package org.shiori.device.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.store.EventStore.Outcome;

/** The durable, bounded staff-event store: what gives way when it is full, and what never does. */
class EventStoreTest {
  @TempDir Path dir;

  private SqliteStore open() {
    return SqliteStore.open(dir.resolve("device.db"), 10, StoreFixtures.CLOCK);
  }

  private static List<String> texts(EventStore events) {
    return events.pending(100).stream().map(e -> new String(e.payload(), UTF_8)).toList();
  }

  @Test
  void keepsEventsInOrderUntilConfirmedAndAcrossARestart() {
    try (SqliteStore store = open()) {
      EventStore events = store.events(10, StoreFixtures.CLOCK);
      events.store("a".getBytes(UTF_8), true);
      events.store("b".getBytes(UTF_8), false);
    }
    try (SqliteStore store = open()) {
      EventStore events = store.events(10, StoreFixtures.CLOCK);
      assertThat(texts(events)).containsExactly("a", "b");
      events.confirmed(events.pending(1).get(0).sequence());
      assertThat(texts(events)).containsExactly("b");
      assertThat(events.pending(1).get(0).alarm()).isFalse();
    }
  }

  @Test
  void whenFullTheOldestRoutineEventGivesWayNeverAnAlarm() {
    try (SqliteStore store = open()) {
      EventStore events = store.events(3, StoreFixtures.CLOCK);
      assertThat(events.store("alarm-1".getBytes(UTF_8), true)).isEqualTo(Outcome.STORED);
      events.store("routine-1".getBytes(UTF_8), false);
      events.store("routine-2".getBytes(UTF_8), false);

      assertThat(events.store("alarm-2".getBytes(UTF_8), true))
          .isEqualTo(Outcome.STORED_ROUTINE_GAVE_WAY);
      assertThat(events.store("routine-3".getBytes(UTF_8), false))
          .isEqualTo(Outcome.STORED_ROUTINE_GAVE_WAY);
      assertThat(texts(events)).containsExactly("alarm-1", "alarm-2", "routine-3");
      assertThat(events.pendingCount()).isEqualTo(3);
    }
  }

  @Test
  void aStoreFullOfAlarmsStillTakesAlarmsAndRefusesRoutineEvents() {
    try (SqliteStore store = open()) {
      EventStore events = store.events(2, StoreFixtures.CLOCK);
      events.store("alarm-1".getBytes(UTF_8), true);
      events.store("alarm-2".getBytes(UTF_8), true);

      assertThat(events.store("routine".getBytes(UTF_8), false))
          .isEqualTo(Outcome.REFUSED_FULL_OF_ALARMS);
      assertThat(events.store("alarm-3".getBytes(UTF_8), true))
          .isEqualTo(Outcome.STORED_BEYOND_BOUND);
      assertThat(texts(events)).containsExactly("alarm-1", "alarm-2", "alarm-3");
    }
  }
}
