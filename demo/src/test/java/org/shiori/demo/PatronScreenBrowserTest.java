package org.shiori.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.ingest.StaffLog;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.protocol.Dataset;

/**
 * The patron screen in a real Chromium against the demo kiosk (production screen, emulated reader,
 * central simulator): what a patron sees, checked with axe-core in every state.
 */
class PatronScreenBrowserTest {
  /** Tuesday 1 June 2027, 10:00 in Tokyo. */
  private static final Instant LENDING_DAY = Instant.parse("2027-06-01T01:00:00Z");

  private static final LocatorAssertions.ContainsTextOptions SOON =
      new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

  @TempDir static Path data;
  private static DemoKiosk kiosk;
  private static SimClient sim;
  private static ScreenBrowser chromium;
  private Page screen;

  @BeforeAll
  static void start() throws Exception {
    chromium = ScreenBrowser.start();
    kiosk =
        DemoKiosk.start(
            new DemoOptions("127.0.0.1", 0, Optional.of(data), Optional.empty(), lendingDay()));
    sim = new SimClient(kiosk.baseUrl());
  }

  static Clock lendingDay() {
    ZoneId tokyo = ZoneId.of("Asia/Tokyo");
    return Clock.offset(Clock.system(tokyo), Duration.between(Instant.now(), LENDING_DAY));
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

  @BeforeEach
  void openScreen() {
    screen = chromium.page(1280, 800, 1);
    screen.navigate(kiosk.baseUrl() + "/");
    assertThat(screen.getByTestId("welcome")).isVisible();
  }

  @AfterEach
  void leaveKioskIdle() throws Exception {
    sim.send(
        "PUT", "/sim/api/faults", Map.of("reader", "NONE", "blankTagOnPad", false, "paper", true));
    sim.send("POST", "/api/staff/close", Map.of());
    sim.send("POST", "/api/session/finish", Map.of());
    sim.place();
    // The pad must be seen empty once, or the items left from the session stay ignored.
    SimClient.eventually(
        Duration.ofSeconds(10),
        () -> {
          JsonNode view = sim.get("/api/session");
          return view.get("mode").asText().equals("RETURN") && view.get("tagsOnPad").asInt() == 0;
        });
    // Everything lent in the test comes back, so that every test starts from the same library.
    List<String> lent = uids(sim.tags(t -> t.get("security").asText().equals("released")));
    if (!lent.isEmpty()) {
      long items =
          sim.tags(t -> t.get("security").asText().equals("released")).stream()
              .map(t -> t.get("itemId").asText())
              .distinct()
              .count();
      sim.place(lent.toArray(String[]::new));
      SimClient.eventually(
          Duration.ofSeconds(20), () -> sim.get("/api/session").get("outcomes").size() >= items);
      sim.place();
    }
    sim.send("POST", "/api/session/finish", Map.of());
    SimClient.eventually(
        Duration.ofSeconds(10), () -> sim.get("/api/session").get("outcomes").isEmpty());
    screen.context().close();
  }

  private static void noSeriousAxeViolation(Page page, String state) throws Exception {
    assertThat(ScreenBrowser.axe(page, state)).as("axe, state " + state).isEmpty();
  }

  private static List<String> uids(List<JsonNode> tags) {
    return tags.stream().map(t -> t.get("uid").asText()).toList();
  }

  /** Four single-part books of the central library, all different titles. */
  private static List<JsonNode> books(int count, int skip) throws Exception {
    List<JsonNode> found = new ArrayList<>();
    List<String> titles = new ArrayList<>();
    for (JsonNode tag :
        sim.tags(
            t ->
                t.get("material").asText().equals("book")
                    && t.get("parts").asInt() == 1
                    && t.get("security").asText().equals("secured"))) {
      String title = tag.get("title").asText();
      if (!titles.contains(title)) {
        titles.add(title);
        found.add(tag);
      }
    }
    return found.subList(skip, skip + count);
  }

  @Test
  void startPageIsJapaneseWithALanguageSwitchAndNothingPollsTheSession() throws Exception {
    List<String> requests = new CopyOnWriteArrayList<>();
    screen.onRequest(r -> requests.add(r.url()));
    assertThat(screen.locator("html")).hasAttribute("lang", "ja");
    assertThat(screen.locator("#library")).hasText("しおり市立図書館");
    assertThat(screen.getByTestId("hours")).containsText("本日の開館時間");
    assertThat(screen.getByTestId("language")).hasText("English");
    assertThat(screen.getByTestId("language")).hasAttribute("lang", "en");
    assertThat(screen.locator("figure svg")).isVisible();
    noSeriousAxeViolation(screen, "welcome (ja)");
    ScreenBrowser.screenshot(screen, "welcome-ja");
    // Two seconds of nothing happening: no request at all (the push stream is already open).
    screen.waitForTimeout(2000);
    assertThat(requests).noneMatch(url -> url.endsWith("/api/session"));
    assertThat(requests.stream().filter(url -> url.endsWith("/api/session/events")))
        .hasSizeLessThanOrEqualTo(1);
    assertThat(screen.content()).doesNotContain("Self-service kiosk");
  }

  @Test
  void fiveItemStackWithOneRefusalShowsTheTallyAndWhatToDo() throws Exception {
    List<JsonNode> stack = new ArrayList<>(books(4, 0));
    JsonNode reference = sim.tag(t -> t.get("material").asText().equals("reference"));
    stack.add(reference);
    String card = sim.barcodeOf("ordinary");
    sim.scan(card);
    assertThat(screen.getByTestId("mode")).hasText("貸出");
    sim.place(uids(stack).toArray(String[]::new));

    assertThat(screen.getByTestId("tally")).hasText("4冊貸出・1冊できません", hasTextSoon());
    assertThat(screen.locator("#items li")).hasCount(5);
    Locator refused = screen.locator("#items li.REFUSED");
    assertThat(refused).containsText("貸出できません");
    assertThat(refused).containsText("館内でのご利用のみ");
    assertThat(refused).containsText("読取台から下ろしてください");
    assertThat(screen.locator("#items li.LENT").first()).containsText("返却期限 2027年6月15日（火）");
    assertThat(screen.getByTestId("announcer")).containsText("貸出しました");
    assertThat(screen.content()).doesNotContain(card).doesNotContain("Borrowed");
    noSeriousAxeViolation(screen, "checkout, 5 items, 1 refused (ja)");
    ScreenBrowser.screenshot(screen, "checkout-5-items-ja");

    // The same rows, in English, without losing the session; rows are updated in place.
    screen.evaluate(
        "() => document.querySelectorAll('#items li').forEach(li => li.dataset.mark = 'kept')");
    screen.getByTestId("language").click();
    assertThat(screen.locator("html")).hasAttribute("lang", "en");
    assertThat(screen.getByTestId("tally")).hasText("4 borrowed, 1 cannot be borrowed");
    assertThat(screen.locator("#items li.LENT").first()).containsText("Due Tue 15 Jun 2027");
    assertThat(screen.locator("#items li[data-mark=kept]")).hasCount(5);
    assertThat(screen.getByTestId("language")).hasAttribute("lang", "ja");
    assertThat(sim.get("/api/session").get("mode").asText()).isEqualTo("CHECKOUT");
    noSeriousAxeViolation(screen, "checkout after language switch (en)");
    ScreenBrowser.screenshot(screen, "checkout-5-items-en");

    screen.getByTestId("finish").click();
    assertThat(screen.getByTestId("summary")).isVisible();
    assertThat(screen.getByTestId("summary-items").locator("li")).hasCount(4);
    assertThat(screen.getByTestId("summary-items")).containsText("Due Tue 15 Jun 2027");
    assertThat(screen.getByTestId("print")).isVisible();
    assertThat(screen.getByTestId("no-receipt")).isFocused(); // none by default (P-NOTICE-1)
    noSeriousAxeViolation(screen, "end-of-session summary (en)");
    ScreenBrowser.screenshot(screen, "summary-en");
    screen.getByTestId("no-receipt").click();
    screen.getByTestId("done").click();
    assertThat(screen.getByTestId("welcome")).isVisible();
    assertThat(screen.locator("html"))
        .hasAttribute("lang", "ja"); // the next patron starts in Japanese
  }

  private static LocatorAssertions.HasTextOptions hasTextSoon() {
    return new LocatorAssertions.HasTextOptions().setTimeout(10_000);
  }

  @Test
  void aLoanLimitRefusalNamesTheLimitInEitherLanguage() throws Exception {
    JsonNode video =
        sim.tag(
            t ->
                t.get("material").asText().equals("video")
                    && t.get("security").asText().equals("secured"));
    sim.scan("A1000000003B"); // the demo card with 3 videos on loan (R-LIMIT-1: at most 3)
    assertThat(screen.getByTestId("mode")).hasText("貸出");
    sim.place(video.get("uid").asText());
    Locator refused = screen.locator("#items li.REFUSED");
    assertThat(refused).containsText("映像資料は一度に3点まで借りられます", SOON);
    assertThat(refused).hasAttribute("data-reason", "LIMIT_VIDEO");
    screen.getByTestId("language").click();
    assertThat(refused).containsText("You can borrow up to 3 video items at a time");
    noSeriousAxeViolation(screen, "loan limit reached (en)");
    ScreenBrowser.screenshot(screen, "loan-limit-en");
  }

  @Test
  void aReturnWithAHoldIsRoutedToTheHoldShelf() throws Exception {
    JsonNode book = books(1, 4).get(0);
    String itemId = book.get("itemId").asText();
    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(book.get("uid").asText());
    assertThat(screen.locator("#items li.LENT")).hasCount(1);
    sim.send("POST", "/api/session/finish", Map.of());
    sim.place();
    assertThat(screen.getByTestId("summary")).isVisible();
    screen.getByTestId("done").click();

    // Someone reserves the book while it is out; central syncs the hold to the kiosk.
    long before = kiosk.store().appliedSequence(Dataset.HOLDS);
    kiosk
        .central()
        .library()
        .putHold(new HoldRecord(itemId, kiosk.patronKeyOf(sim.barcodeOf("group")), "central"));
    SimClient.eventually(
        Duration.ofSeconds(10), () -> kiosk.store().appliedSequence(Dataset.HOLDS) > before);

    sim.place(book.get("uid").asText());
    Locator row = screen.locator("#items li.RETURNED");
    assertThat(row).containsText("返却しました", SOON);
    assertThat(row).containsText("予約棚の返却口へお入れください");
    assertThat(row).hasAttribute("data-bin", "HOLD_SHELF");
    assertThat(screen.getByTestId("tally")).hasText("1冊返却しました");
    noSeriousAxeViolation(screen, "return to the hold shelf (ja)");
    ScreenBrowser.screenshot(screen, "return-hold-shelf-ja");
    kiosk.central().library().removeHold(itemId);
  }

  @Test
  void aPatronChecksOutWithTheKeyboardAlone() throws Exception {
    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(books(1, 5).get(0).get("uid").asText());
    assertThat(screen.locator("#items li.LENT")).hasCount(1);
    // Tab through the controls until Finish has the focus; nothing needs a pointer.
    for (int i = 0; i < 12 && !isFocused(screen, "finish"); i++) {
      screen.keyboard().press("Tab");
    }
    assertThat(screen.getByTestId("finish")).isFocused();
    Map<?, ?> ring =
        (Map<?, ?>)
            screen.evaluate(
                "() => { const s = getComputedStyle(document.activeElement);"
                    + " return {width: parseFloat(s.outlineWidth), style: s.outlineStyle,"
                    + " shadow: s.boxShadow}; }");
    assertThat(((Number) ring.get("width")).doubleValue()).isGreaterThanOrEqualTo(3.0);
    assertThat(ring.get("style")).isEqualTo("solid");
    ScreenBrowser.screenshot(screen, "keyboard-focus-finish");
    screen.keyboard().press("Enter");
    assertThat(screen.getByTestId("no-receipt")).isFocused();
    screen.keyboard().press("Enter");
    assertThat(screen.getByTestId("done")).isFocused();
    screen.keyboard().press("Enter");
    assertThat(screen.getByTestId("welcome")).isVisible();
    assertThat(sim.get("/api/session").get("mode").asText()).isEqualTo("RETURN");
  }

  private static boolean isFocused(Page page, String testId) {
    return (Boolean)
        page.evaluate(
            "id => document.activeElement && document.activeElement.dataset.testid === id", testId);
  }

  @Test
  void aGroupIsOfferedTheReceiptAndItPrintsInShiftJisWithoutAName() throws Exception {
    sim.send("DELETE", "/sim/api/printer", Map.of());
    JsonNode book = books(1, 6).get(0);
    String card = sim.barcodeOf("group");
    sim.scan(card);
    sim.place(book.get("uid").asText());
    assertThat(screen.locator("#items li.LENT")).hasCount(1);
    screen.getByTestId("finish").click();
    assertThat(screen.getByTestId("print")).isFocused(); // R-GROUP-2: offered by default
    screen.keyboard().press("Enter");
    assertThat(screen.getByTestId("receipt-state")).hasText("レシートを印刷しました。お取りください。");
    byte[] printed =
        Base64.getDecoder().decode(sim.get("/sim/api/printer").get("printed").asText());
    String title = book.get("title").asText();
    assertThat(printed).startsWith(0x1B, '@', 0x1C, 'C', 1, 0x1C, '&');
    assertThat(new String(printed, Charset.forName("Shift_JIS")))
        .contains(title)
        .containsPattern("返却期限 2027年[0-9]+月[0-9]+日（[日月火水木金土]）")
        .doesNotContain(card);
    assertThat(printed).endsWith(0x1B, 'd', 4, 0x1D, 'V', 66, 0);
    noSeriousAxeViolation(screen, "receipt printed (ja)");
    ScreenBrowser.screenshot(screen, "receipt-printed-ja");
  }

  @Test
  void paperOutIsShownToThePatronAndReportedToStaff() throws Exception {
    sim.send("PUT", "/sim/api/faults", Map.of("paper", false));
    sim.scan(sim.barcodeOf("group"));
    sim.place(books(1, 7).get(0).get("uid").asText());
    assertThat(screen.locator("#items li.LENT")).hasCount(1);
    screen.getByTestId("finish").click();
    screen.getByTestId("print").click();
    assertThat(screen.getByTestId("receipt-state")).hasText("レシートの用紙がありません。職員に連絡しました。");
    assertThat(screen.getByTestId("receipt-state")).hasAttribute("data-printer", "PAPER_OUT");
    SimClient.eventually(
        Duration.ofSeconds(10),
        () ->
            kiosk.central().events(10_000).stream()
                .anyMatch(
                    e ->
                        eventType(e).equals("PRINTER_PROBLEM")
                            && e.code().orElse("").equals("PAPER_OUT")));
    noSeriousAxeViolation(screen, "receipt printer out of paper (ja)");
    ScreenBrowser.screenshot(screen, "receipt-paper-out-ja");
  }

  @Test
  void theReaderNotAnsweringAndAnUnreadableTagAreShown() throws Exception {
    sim.send("PUT", "/sim/api/faults", Map.of("blankTagOnPad", true));
    assertThat(screen.getByTestId("device-notice")).hasText("読み取れませんでした。置き直してください。", hasTextSoon());
    noSeriousAxeViolation(screen, "tag unreadable (ja)");
    ScreenBrowser.screenshot(screen, "tag-unreadable-ja");
    sim.send("PUT", "/sim/api/faults", Map.of("blankTagOnPad", false));
    assertThat(screen.getByTestId("device-notice")).isHidden();

    sim.send("PUT", "/sim/api/faults", Map.of("reader", "SILENT"));
    assertThat(screen.getByTestId("device-notice"))
        .hasText("読取台が応答していません。職員にお知らせください。", hasTextSoon());
    noSeriousAxeViolation(screen, "reader not answering (ja)");
    ScreenBrowser.screenshot(screen, "reader-not-answering-ja");
    sim.send("PUT", "/sim/api/faults", Map.of("reader", "NONE"));
    assertThat(screen.getByTestId("device-notice"))
        .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(10_000));
  }

  @Test
  void aSecurityWriteThatFailsSendsTheItemToStaff() throws Exception {
    JsonNode book = books(1, 8).get(0);
    sim.send("PUT", "/sim/api/faults", Map.of("lockedSecurity", List.of(book.get("uid").asText())));
    sim.scan(sim.barcodeOf("ordinary"));
    sim.place(book.get("uid").asText());
    Locator row = screen.locator("#items li.NEEDS_STAFF");
    assertThat(row).containsText("職員にお渡しください", SOON);
    assertThat(row).containsText("処理を完了できませんでした");
    assertThat(screen.getByTestId("tally")).hasText("0冊貸出・1冊できません");
    noSeriousAxeViolation(screen, "security write failed (ja)");
    ScreenBrowser.screenshot(screen, "security-write-failed-ja");
  }

  @Test
  void atTwoHundredPercentTheNewestResultAndFinishStayInView() throws Exception {
    Page zoomed = chromium.page(640, 400, 2); // 1280×800 at 200 %
    zoomed.navigate(kiosk.baseUrl() + "/");
    sim.scan(sim.barcodeOf("ordinary"));
    List<JsonNode> stack = books(7, 9);
    List<String> placed = new ArrayList<>();
    for (JsonNode tag : stack) {
      placed.add(tag.get("uid").asText());
      sim.place(placed.toArray(String[]::new));
      assertThat(zoomed.locator("#items li")).hasCount(placed.size());
    }
    String newest = stack.get(stack.size() - 1).get("itemId").asText();
    ScreenBrowser.screenshot(zoomed, "zoom-200-7-items-ja");
    assertThat(zoomed.locator("#items li[data-item-id='" + newest + "']")).isInViewport();
    assertThat(zoomed.getByTestId("finish")).isInViewport();
    noSeriousAxeViolation(zoomed, "7 items at 200 % zoom (ja)");
    ScreenBrowser.screenshot(zoomed, "zoom-200-7-items-ja");
    zoomed.getByTestId("settings-toggle").click();
    zoomed.getByTestId("contrast").click();
    zoomed.getByTestId("large-text").click();
    assertThat(zoomed.locator("body"))
        .hasClass(Pattern.compile(".*contrast.*large.*|.*large.*contrast.*"));
    zoomed.getByTestId("settings-toggle").click();
    assertThat(zoomed.getByTestId("finish")).isInViewport();
    assertThat(zoomed.locator("#items li[data-item-id='" + newest + "']")).isInViewport();
    noSeriousAxeViolation(zoomed, "high contrast and large text at 200 % (ja)");
    ScreenBrowser.screenshot(zoomed, "zoom-200-high-contrast-large-ja");
    zoomed.context().close();
  }

  @Test
  void staffModeShowsDeviceStatusOnlyAndClosesByItself() throws Exception {
    screen.getByTestId("staff-button").click();
    screen.getByTestId("staff-pin").fill("0000");
    screen.getByTestId("staff-open").click();
    assertThat(screen.locator("#staff-refused")).hasText("暗証番号が違います");
    screen.getByTestId("staff-pin").fill(DemoKiosk.STAFF_PIN);
    screen.getByTestId("staff-open").click();
    Locator status = screen.getByTestId("staff-status");
    assertThat(status).containsText("読取装置");
    assertThat(status.locator("dd[data-field=broker]")).hasText("ONLINE");
    assertThat(status.locator("dd[data-field=printer]")).hasText("READY");
    assertThat(status).containsText("センターに拒否された処理");
    noSeriousAxeViolation(screen, "staff status (ja)");
    ScreenBrowser.screenshot(screen, "staff-status-ja");
    screen.evaluate("() => { state.facts.staffOpenSeconds = 1; }");
    screen.getByTestId("staff-status").click(); // a touch restarts the (now short) timer
    assertThat(screen.getByTestId("staff"))
        .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5000));
    assertThat(screen.getByTestId("welcome")).isVisible();
  }

  @Test
  void aStaffCardOpensTheStatusScreenWithoutPinStartsNoSessionAndClosesByItself() throws Exception {
    int received = sim.get("/sim/api/central").size();
    sim.scan(DemoKiosk.STAFF_CARD);
    Locator staff = screen.getByTestId("staff");
    assertThat(staff).isVisible();
    assertThat(screen.locator("#staff-pin-form")).isHidden();
    Locator status = screen.getByTestId("staff-status");
    assertThat(status.locator("dd[data-field=broker]")).hasText("ONLINE");
    assertThat(status.locator("dd[data-field=printer]")).hasText("READY");
    assertThat(status).containsText("未送信の処理");
    assertThat(screen.getByTestId("welcome")).isHidden();
    assertThat(screen.getByTestId("mode")).hasText("返却");
    assertThat(screen.getByTestId("finish")).isHidden();
    JsonNode view = sim.get("/api/session");
    assertThat(view.get("staffOpen").asBoolean()).isTrue();
    assertThat(view.get("mode").asText()).as("no patron session").isEqualTo("RETURN");
    assertThat(view.get("idleDeadline").isNull()).isTrue();
    noSeriousAxeViolation(screen, "staff status opened by a staff card (ja)");
    ScreenBrowser.screenshot(screen, "staff-status-card-ja");

    // As for the PIN: untouched, it closes by itself (the page's timer, shortened here).
    screen.evaluate("() => { state.facts.staffOpenSeconds = 1; }");
    status.click(); // a touch restarts the (now short) timer
    assertThat(staff).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(5000));
    assertThat(screen.getByTestId("welcome")).isVisible();
    SimClient.eventually(
        Duration.ofSeconds(5), () -> !sim.get("/api/session").get("staffOpen").asBoolean());

    // The kiosk closes it too (its own timer, or a patron at the pad): the page follows.
    sim.scan(DemoKiosk.STAFF_CARD);
    assertThat(staff).isVisible();
    sim.send("POST", "/api/staff/close", Map.of());
    assertThat(staff).isHidden();
    assertThat(screen.getByTestId("welcome")).isVisible();
    assertThat(sim.get("/sim/api/central")).as("nothing published").hasSize(received);

    // The next patron's card starts a session as ever.
    sim.scan(sim.barcodeOf("ordinary"));
    assertThat(screen.getByTestId("mode")).hasText("貸出");
    assertThat(staff).isHidden();
  }

  @Test
  void theCountdownOffersMoreTimeInItsLastFifteenSeconds() throws Exception {
    sim.scan(sim.barcodeOf("ordinary"));
    assertThat(screen.getByTestId("mode")).hasText("貸出");
    assertThat(screen.getByTestId("countdown")).isHidden();
    // The page counts down from the pushed deadline by itself; bring it to 10 s before the end.
    screen.evaluate("() => { state.deadlineAt = Date.now() + 10000; tickClock(); }");
    assertThat(screen.getByTestId("countdown")).containsText("秒で終了します");
    assertThat(screen.getByTestId("extend")).isVisible();
    noSeriousAxeViolation(screen, "countdown with extend (ja)");
    ScreenBrowser.screenshot(screen, "countdown-ja");
    screen.getByTestId("extend").click();
    // The kiosk extends the session and pushes the new deadline: the countdown goes away.
    assertThat(screen.getByTestId("extend")).isHidden();
    assertThat(sim.get("/api/session").get("secondsLeft").asLong()).isGreaterThan(30);
  }

  @Test
  void theHelpButtonRaisesAStaffEvent() throws Exception {
    long before = helpEvents();
    screen.getByTestId("help").click();
    assertThat(screen.getByTestId("help-state")).hasText("職員を呼びました。少々お待ちください。");
    SimClient.eventually(Duration.ofSeconds(10), () -> helpEvents() > before);
  }

  /** The event's type as DeviceEvent.Type names it; central keeps the wire name. */
  private static String eventType(StaffLog.Event e) {
    return e.type().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
  }

  private static long helpEvents() {
    return kiosk.central().events(10_000).stream()
        .filter(e -> eventType(e).equals("HELP_REQUESTED"))
        .count();
  }

  @Test
  void simulatorPageScansACardAndPutsATagOnThePad() throws Exception {
    Page page = chromium.page(1280, 800, 1);
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
    ScreenBrowser.screenshot(page, "simulator");
    page.context().close();
  }
}
