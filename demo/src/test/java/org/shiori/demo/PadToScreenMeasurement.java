package org.shiori.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pad → row on screen, measured in Chromium against the demo kiosk (in-memory reader emulator): the
 * pushed screen and, in the same run on the same events, a page polling {@code /api/session} every
 * 400 ms as the old screen did. Writes {@code target/pad-to-screen.txt}; the figures go to
 * docs/benchmarks.md. It asserts only that every placed item reached both pages. A benchmark, not a
 * test: {@code bin/bench pad-to-screen} runs it (its name keeps it out of the test suite).
 */
class PadToScreenMeasurement {
  private static final int SAMPLES = 30;
  private static final Path REPORT = Paths.get("target", "pad-to-screen.txt");

  @TempDir static Path data;
  private static DemoKiosk kiosk;
  private static SimClient sim;
  private static ScreenBrowser chromium;

  @BeforeAll
  static void start() throws Exception {
    chromium = ScreenBrowser.start();
    kiosk =
        DemoKiosk.start(
            new DemoOptions(
                "127.0.0.1",
                0,
                Optional.of(data),
                Optional.empty(),
                PatronScreenBrowserTest.lendingDay()));
    sim = new SimClient(kiosk.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (kiosk != null) {
      kiosk.close();
    }
  }

  @Test
  void padToRowOnScreenPushedAndPolled() throws Exception {
    Page pushed = chromium.page(1280, 800, 1);
    pushed.navigate(kiosk.baseUrl() + "/");
    assertThat(pushed.getByTestId("welcome")).isVisible();
    pushed.evaluate(
        "() => { window.seen = {}; new MutationObserver(() => {"
            + " for (const li of document.querySelectorAll('#items li')) {"
            + "  const id = li.dataset.itemId; if (id && !(id in seen))"
            + "   seen[id] = performance.timeOrigin + performance.now(); } })"
            + ".observe(document.getElementById('items'), {childList: true, subtree: true,"
            + " attributes: true}); }");
    Page polled = chromium.page(1280, 800, 1);
    polled.navigate(kiosk.baseUrl() + "/api/texts/ja");
    polled.evaluate(
        "() => { window.seen = {}; const poll = async () => { try {"
            + " const v = await (await fetch('/api/session', {cache: 'no-store'})).json();"
            + " for (const o of v.outcomes) if (!(o.itemId in seen))"
            + "  seen[o.itemId] = performance.timeOrigin + performance.now(); } catch (e) {}"
            + " setTimeout(poll, 400); }; poll(); }");

    List<JsonNode> tags =
        sim.tags(
            t ->
                t.get("parts").asInt() == 1
                    && t.get("security").asText().equals("secured")
                    && t.get("material").asText().equals("book"));
    List<Double> push = new ArrayList<>();
    List<Double> poll = new ArrayList<>();
    for (JsonNode tag : tags.subList(0, SAMPLES)) {
      String id = tag.get("itemId").asText();
      double placedAt = System.currentTimeMillis(); // just before the tag enters the field
      sim.place(tag.get("uid").asText());
      String seen = "() => window.seen['" + id + "']";
      pushed.waitForFunction(seen);
      polled.waitForFunction(seen);
      push.add(((Number) pushed.evaluate(seen)).doubleValue() - placedAt);
      poll.add(((Number) polled.evaluate(seen)).doubleValue() - placedAt);
      sim.place();
      SimClient.eventually(
          java.time.Duration.ofSeconds(5),
          () -> sim.get("/api/session").get("tagsOnPad").asInt() == 0);
    }
    String report =
        "pad → row on screen, "
            + SAMPLES
            + " items, in-memory reader emulator\n"
            + "pushed (SSE): "
            + summary(push)
            + "\n"
            + "polled every 400 ms: "
            + summary(poll)
            + "\n";
    Files.writeString(REPORT, report);
    System.out.println(report);
    assertThat(push).hasSize(SAMPLES);
  }

  private static String summary(List<Double> millis) {
    List<Double> sorted = millis.stream().sorted().toList();
    return String.format(
        "median %.0f ms, p95 %.0f ms, max %.0f ms",
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
        sorted.get(sorted.size() - 1));
  }
}
