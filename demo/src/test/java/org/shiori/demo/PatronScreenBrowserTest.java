package org.shiori.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.Required;

/**
 * The patron screen and the simulator page in a real Chromium, against the demo on its embedded
 * broker: what a patron and a demo visitor actually see.
 */
class PatronScreenBrowserTest {
  private static final Path CHROMIUM =
      Paths.get(System.getenv().getOrDefault("SHIORI_CHROMIUM", "/usr/bin/chromium"));
  private static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  /** Tuesday 1 June 2027, 10:00 in Tokyo. */
  private static final Instant LENDING_DAY = Instant.parse("2027-06-01T01:00:00Z");

  @TempDir static Path data;
  private static DemoKiosk kiosk;
  private static SimClient sim;
  private static Playwright playwright;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    Required.part(Files.isExecutable(CHROMIUM), "Debian's chromium is installed by bin/test");
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    Clock clock = Clock.offset(Clock.system(tokyo), Duration.between(Instant.now(), LENDING_DAY));
    kiosk =
        DemoKiosk.start(
            new DemoOptions("127.0.0.1", 0, Optional.of(data), Optional.empty(), clock));
    sim = new SimClient(kiosk.baseUrl());
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_FLAGS));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
    if (kiosk != null) {
      kiosk.close();
    }
  }

  @Test
  void patronSeesEachItemResultInJapaneseAndEnglishButNoCardNumber_P_SCREEN_1() throws Exception {
    Page screen = browser.newPage();
    screen.navigate(kiosk.baseUrl() + "/");
    // The banner fills in with the page's first poll: wait for it, as a patron would.
    PlaywrightAssertions.assertThat(screen.locator("[data-testid=banner]")).containsText("利用カード");
    PlaywrightAssertions.assertThat(screen.locator("[data-testid=banner]"))
        .containsText("library card");

    String card = sim.barcodeOf("ordinary");
    JsonNode book = sim.tag(t -> t.get("title").asText().contains("Kokoro"));
    JsonNode magazine = sim.tag(t -> t.get("material").asText().equals("reference"));
    sim.scan(card);
    sim.place(book.get("uid").asText(), magazine.get("uid").asText());

    Locator lent = screen.locator("tr.LENT");
    lent.waitFor();
    assertThat(lent.innerText())
        .contains("こころ")
        .contains("貸出しました")
        .contains("Borrowed")
        .contains("2027-06-15");
    Locator refused = screen.locator("tr.REFUSED");
    refused.waitFor();
    assertThat(refused.innerText()).contains("貸出できません").contains("Not borrowed");
    assertThat(screen.locator("[data-testid=mode]").innerText()).contains("Borrow");

    String everything = screen.content();
    assertThat(everything)
        .doesNotContain(card)
        .doesNotContain(card.substring(1, card.length() - 1));
    screen.screenshot(
        new Page.ScreenshotOptions().setPath(Paths.get("target", "patron-screen.png")));

    screen.locator("[data-testid=finish]").click();
    screen
        .locator("[data-testid=mode]")
        .filter(new Locator.FilterOptions().setHasText("Return"))
        .waitFor();
    sim.place();
  }

  @Test
  void simulatorPageScansACardAndPutsATagOnThePad() throws Exception {
    Page page = browser.newPage();
    page.navigate(kiosk.baseUrl() + "/sim/");
    String card = sim.barcodeOf("ordinary");
    page.locator("button[data-barcode='" + card + "']").click();
    JsonNode video = sim.tag(t -> t.get("material").asText().equals("video"));
    page.locator("#filter").fill(video.get("itemId").asText());
    page.locator("input[data-uid='" + video.get("uid").asText() + "']").check();
    page.locator("[data-testid=pad-summary]")
        .filter(new Locator.FilterOptions().setHasText("1 tag"))
        .waitFor();

    List<JsonNode> outcomes = sim.awaitOutcomes(1, Duration.ofSeconds(20));
    assertThat(outcomes.get(0).get("result").asText()).isEqualTo("LENT");
    page.locator("#central tbody tr")
        .filter(new Locator.FilterOptions().setHasText(video.get("itemId").asText()))
        .waitFor();
    page.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target", "simulator.png")));
    sim.send("POST", "/api/session/finish", Map.of());
    sim.place();
  }
}
