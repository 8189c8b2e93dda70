package org.shiori.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;

/**
 * My loans and renewals on the patron screen in a real Chromium, against the demo kiosk and the
 * real central (standalone, SQLite) through a real Mosquitto: the list asked on demand with the
 * card as proof, renewals decided by central's rules, an own loan on the pad offering renewal, and
 * offline nothing of it. axe-core finds no serious or critical violation in any of these states.
 */
class MyLoansBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final LocatorAssertions.ContainsTextOptions SOON =
      new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

  private static ScreenBrowser chromium;
  @TempDir Path data;
  private MosquittoBroker broker;
  private DemoKiosk kiosk;
  private SimClient sim;
  private Page screen;

  @BeforeAll
  static void startChromium() throws Exception {
    chromium = ScreenBrowser.start();
  }

  @AfterAll
  static void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @BeforeEach
  void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    broker = MosquittoBroker.plain(DemoKiosk.TENANT).start();
    kiosk =
        DemoKiosk.start(
            new DemoOptions(
                "127.0.0.1",
                0,
                Optional.of(data),
                Optional.of(broker.url()),
                PatronScreenBrowserTest.lendingDay()));
    sim = new SimClient(kiosk.baseUrl());
    screen = chromium.page(1280, 800, 1);
    screen.navigate(kiosk.baseUrl() + "/");
    assertThat(screen.getByTestId("welcome")).isVisible();
  }

  @AfterEach
  void stop() {
    if (screen != null) {
      screen.context().close();
    }
    if (kiosk != null) {
      kiosk.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static void noSeriousAxeViolation(Page page, String state) throws Exception {
    assertThat(ScreenBrowser.axe(page, state)).as("axe, state " + state).isEmpty();
  }

  private JsonNode aBook() throws Exception {
    return sim.tag(
        t ->
            t.get("material").asText().equals("book")
                && t.get("parts").asInt() == 1
                && t.get("security").asText().equals("secured"));
  }

  /** Lends the book in a session of its own, then ends the session and lifts the book. */
  private void lend(String card, JsonNode book) throws Exception {
    sim.scan(card);
    assertThat(screen.getByTestId("mode")).hasText("貸出");
    sim.place(book.get("uid").asText());
    assertThat(screen.locator("#items li.LENT")).hasCount(1);
    sim.send("POST", "/api/session/finish", java.util.Map.of());
    sim.place();
    SimClient.eventually(WAIT, () -> sim.get("/api/session").get("mode").asText().equals("RETURN"));
    SimClient.eventually(
        WAIT,
        () ->
            kiosk.central().received().stream()
                .anyMatch(r -> r.itemId().equals(book.get("itemId").asText())));
    screen.navigate(kiosk.baseUrl() + "/"); // the next patron's page
    assertThat(screen.getByTestId("welcome")).isVisible();
  }

  /** The loan as if lent a week earlier: due Tuesday 8 June 2027 at central. */
  private void lentAWeekAgo(String itemId) {
    kiosk
        .central()
        .database()
        .inTransaction(
            c -> {
              try (var s =
                  c.prepareStatement("UPDATE current_loans SET due_date = ? WHERE item_id = ?")) {
                s.setString(1, "2027-06-08");
                s.setString(2, itemId);
                return s.executeUpdate();
              }
            });
  }

  @Test
  void myLoansAreShownOnDemandAndRenewed() throws Exception {
    JsonNode book = aBook();
    String card = sim.barcodeOf("ordinary");
    lend(card, book);
    lentAWeekAgo(book.get("itemId").asText());

    sim.scan(card);
    Locator button = screen.getByTestId("my-loans");
    assertThat(button).hasText("借りている資料");
    assertThat(screen.getByTestId("loans")).isHidden(); // nothing is asked before the patron does
    button.click();
    Locator line = screen.locator("#loans-list li");
    assertThat(line).hasCount(1);
    assertThat(line).containsText(book.get("title").asText());
    assertThat(line).containsText("返却期限 2027年6月8日（火）");
    assertThat(screen.getByTestId("loans")).not().containsText("しおり"); // no name, ever
    noSeriousAxeViolation(screen, "my loans shown (ja)");
    ScreenBrowser.screenshot(screen, "my-loans-ja");

    line.getByTestId("renew").click();
    assertThat(line).containsText("貸出を延長しました。新しい返却期限 2027年6月15日（火）", SOON);
    assertThat(line).hasAttribute("data-renewal", "RENEWED");
    assertThat(line.getByTestId("renew")).hasCount(0);
    noSeriousAxeViolation(screen, "loan renewed (ja)");
    ScreenBrowser.screenshot(screen, "my-loans-renewed-ja");

    screen.getByTestId("language").click();
    assertThat(line).containsText("Renewed. New due date Tue 15 Jun 2027");
    screen.getByTestId("loans-close").click();
    assertThat(screen.getByTestId("loans")).isHidden();

    // Central recorded it, and the session keeps nothing once it ends.
    String due = kiosk.central().database().inTransaction(c -> dueAtCentral(c, book.get("itemId")));
    assertThat(due).isEqualTo("2027-06-15");
    sim.send("POST", "/api/session/finish", java.util.Map.of());
    SimClient.eventually(WAIT, () -> sim.get("/api/session").get("myLoans").isNull());
  }

  private static String dueAtCentral(java.sql.Connection c, JsonNode itemId)
      throws java.sql.SQLException {
    try (var s = c.prepareStatement("SELECT due_date FROM current_loans WHERE item_id = ?")) {
      s.setString(1, itemId.asText());
      try (var r = s.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  @Test
  void anOwnLoanOnThePadOffersRenewalAndRenewingItWorks() throws Exception {
    JsonNode book = aBook();
    String card = sim.barcodeOf("ordinary");
    lend(card, book);
    lentAWeekAgo(book.get("itemId").asText());

    sim.scan(card);
    assertThat(screen.getByTestId("mode")).hasText("貸出");
    sim.place(book.get("uid").asText());
    Locator row = screen.locator("#items li.OWN_LOAN");
    assertThat(row).containsText("借りている資料です", SOON);
    assertThat(row).containsText("返却期限 2027年6月8日（火）");
    assertThat(row).not().containsText("職員にお渡しください");
    assertThat(screen.getByTestId("announcer")).containsText("貸出を延長できます");
    noSeriousAxeViolation(screen, "own loan on the pad offers renewal (ja)");
    ScreenBrowser.screenshot(screen, "own-loan-on-pad-ja");

    row.getByTestId("renew-row").click();
    Locator renewed = screen.locator("#items li.RENEWED");
    assertThat(renewed).containsText("貸出を延長しました", SOON);
    assertThat(renewed).containsText("返却期限 2027年6月15日（火）");
    assertThat(screen.getByTestId("announcer")).containsText("貸出を延長しました");
    noSeriousAxeViolation(screen, "own loan renewed (ja)");
    ScreenBrowser.screenshot(screen, "own-loan-renewed-ja");

    // The rules allow one renewal of a book (Matsuyama): the list says so for a second one.
    screen.getByTestId("my-loans").click();
    Locator line = screen.locator("#loans-list li");
    assertThat(line).hasAttribute("data-renewal", "RENEWED");
    sim.send("POST", "/api/session/finish", java.util.Map.of());
    sim.place();
    SimClient.eventually(WAIT, () -> sim.get("/api/session").get("mode").asText().equals("RETURN"));
    screen.navigate(kiosk.baseUrl() + "/");
    sim.scan(card);
    screen.getByTestId("my-loans").click();
    assertThat(line).hasCount(1);
    line.getByTestId("renew").click();
    assertThat(line).containsText("貸出を延長できません。この資料は貸出期間の延長ができません。", SOON);
    assertThat(line).hasAttribute("data-renewal", "REFUSED");
    noSeriousAxeViolation(screen, "renewal refused (ja)");
    ScreenBrowser.screenshot(screen, "renewal-refused-ja");
  }

  @Test
  void offlineTheMyLoansButtonSaysItIsNotAvailable() throws Exception {
    JsonNode book = aBook();
    String card = sim.barcodeOf("ordinary");
    lend(card, book);
    broker.kill9();
    SimClient.eventually(WAIT, () -> sim.get("/api/session").get("offline").asBoolean());

    sim.scan(card);
    Locator button = screen.getByTestId("my-loans");
    assertThat(button).hasText("借りている資料（オフラインのため使えません）");
    assertThat(button).isDisabled();
    // An own loan on the pad cannot be told offline: it is refused as any item on loan.
    sim.place(book.get("uid").asText());
    assertThat(screen.locator("#items li.REFUSED")).hasCount(1);
    assertThat(screen.locator("#items li.OWN_LOAN")).hasCount(0);
    assertThat(screen.locator("button[data-renew]")).hasCount(0);
    noSeriousAxeViolation(screen, "my loans offline (ja)");
    ScreenBrowser.screenshot(screen, "my-loans-offline-ja");
    screen.getByTestId("language").click();
    assertThat(button).hasText("My loans (not available offline)");
    assertThat(sim.get("/api/session").get("myLoans").isNull()).isTrue();
  }
}
