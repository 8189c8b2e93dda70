package org.shiori.demo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.MosquittoBroker;
import org.slf4j.LoggerFactory;

/**
 * P-MIN-1: the demo patrons' raw card numbers appear in no file under the device's data directory
 * and nowhere in the demo's log output, after every card has been used for checkouts and returns.
 * The broker is an external Mosquitto here because the embedded one re-initialises logging when it
 * starts, which would detach the appender this test listens with.
 */
class DemoPrivacyTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path data;
  private final MosquittoBroker broker = MosquittoBroker.plain(DemoKiosk.TENANT).start();

  @AfterEach
  void stopBroker() {
    broker.close();
  }

  @Test
  void rawCardNumbersAreNeitherStoredNorLogged_P_MIN_1() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root =
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    List<String> cards = new ArrayList<>();
    try (DemoKiosk kiosk =
        DemoKiosk.start(
            new DemoOptions(
                "127.0.0.1",
                0,
                Optional.of(data),
                Optional.of(broker.url()),
                Clock.systemDefaultZone()))) {
      SimClient sim = new SimClient(kiosk.baseUrl());
      sim.get("/sim/api/patrons").forEach(p -> cards.add(p.get("barcode").asText()));
      JsonNode book = sim.tag(t -> t.get("material").asText().equals("book"));
      for (String card : cards) {
        sim.scan(card);
        sim.place(book.get("uid").asText());
        sim.awaitOutcomes(1, WAIT);
        sim.send("POST", "/api/session/finish", java.util.Map.of());
        sim.place();
        SimClient.eventually(WAIT, () -> sim.get("/api/session").get("tagsOnPad").asInt() == 0);
        sim.place(book.get("uid").asText()); // returned if it was lent
        SimClient.eventually(WAIT, () -> sim.get("/api/session").get("outcomes").size() == 1);
        sim.place();
        SimClient.eventually(WAIT, () -> sim.get("/api/session").get("tagsOnPad").asInt() == 0);
      }
      SimClient.eventually(WAIT, () -> kiosk.store().pendingCount() == 0);
    } finally {
      root.detachAppender(log);
    }
    assertThat(cards).hasSize(10);

    List<String> logLines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(logLines).isNotEmpty();
    for (String card : cards) {
      String digits = card.substring(1, card.length() - 1);
      assertThat(logLines).noneMatch(line -> line.contains(digits));
      for (Path file : filesUnder(data)) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(bytes).as("%s must not hold a card number", file).doesNotContain(digits);
      }
    }
  }

  private static List<Path> filesUnder(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
