package org.shiori.demo;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.shiori.testkit.Required;

/**
 * Debian's Chromium through Playwright, with axe-core from the npm registry injected into pages.
 * axe-core is installed into {@code target/axe} at test time when it is not there yet.
 */
final class ScreenBrowser implements AutoCloseable {
  static final Path CHROMIUM =
      Paths.get(System.getenv().getOrDefault("SHIORI_CHROMIUM", "/usr/bin/chromium"));
  private static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--autoplay-policy=no-user-gesture-required");
  static final Path AXE_DIR = Paths.get("target", "axe");
  static final Path AXE = AXE_DIR.resolve("node_modules/axe-core/axe.min.js");
  static final Path AXE_RESULTS = Paths.get("target", "axe-results.txt");
  static final Path SCREENSHOTS = Paths.get("target", "screenshots");

  private final Playwright playwright;
  final Browser browser;

  private ScreenBrowser(Playwright playwright, Browser browser) {
    this.playwright = playwright;
    this.browser = browser;
  }

  static ScreenBrowser start() throws IOException, InterruptedException {
    Required.part(Files.isExecutable(CHROMIUM), "Debian's chromium is installed by bin/test");
    installAxe();
    Required.part(Files.isRegularFile(AXE), "axe-core from the npm registry (npm on the path)");
    Files.createDirectories(SCREENSHOTS);
    Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    Browser browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_FLAGS));
    return new ScreenBrowser(playwright, browser);
  }

  /** Fetches axe-core 4 from the npm registry into target/axe, once per clean build. */
  private static void installAxe() throws IOException, InterruptedException {
    if (Files.isRegularFile(AXE)) {
      return;
    }
    Files.createDirectories(AXE_DIR);
    try {
      Process npm =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--no-save",
                  "--no-package-lock",
                  "--no-audit",
                  "--no-fund",
                  "--prefix",
                  AXE_DIR.toString(),
                  "axe-core@4")
              .redirectErrorStream(true)
              .redirectOutput(AXE_DIR.resolve("npm.log").toFile())
              .start();
      if (!npm.waitFor(180, TimeUnit.SECONDS)) {
        npm.destroyForcibly();
      }
    } catch (IOException e) {
      // npm missing: Required.part reports it
    }
  }

  /** A page of the given CSS size (deviceScale 2 with half the size is a 200 % zoom). */
  Page page(int width, int height, double scale) {
    return browser
        .newContext(
            new Browser.NewContextOptions()
                .setViewportSize(width, height)
                .setDeviceScaleFactor(scale)
                .setLocale("ja-JP"))
        .newPage();
  }

  /**
   * Runs axe on the page and records its violations under {@code state}.
   *
   * @return the serious and critical violations, as "rule (impact) xN"
   */
  @SuppressWarnings("unchecked")
  static List<String> axe(Page page, String state) throws IOException {
    if (!(Boolean) page.evaluate("() => typeof axe !== 'undefined'")) {
      page.addScriptTag(new Page.AddScriptTagOptions().setPath(AXE));
    }
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']}))"
                    + ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
                    + " target: v.nodes.map(n => n.target.join(' ')).join(', ')}))");
    List<String> all =
        violations.stream()
            .map(
                v ->
                    v.get("id")
                        + " ("
                        + v.get("impact")
                        + ") x"
                        + v.get("nodes")
                        + " "
                        + v.get("target"))
            .toList();
    Files.writeString(
        AXE_RESULTS,
        state + ": " + (all.isEmpty() ? "no violations" : String.join("; ", all)) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    return violations.stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(
            v ->
                v.get("id")
                    + " ("
                    + v.get("impact")
                    + ") x"
                    + v.get("nodes")
                    + " "
                    + v.get("target"))
        .toList();
  }

  static void screenshot(Page page, String name) {
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name + ".png"))
            .setFullPage(false));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
