package org.shiori.kiosk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.store.SqliteStore;
import org.shiori.testkit.FreePort;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import org.shiori.testkit.SecretFile;

/**
 * {@code kiosk run} as systemd runs it, in its own JVM: it serves, and SIGTERM stops it cleanly
 * with exit status 143 (the unit's SuccessExitStatus), leaving a sound, unlocked store.
 */
class KioskRunCommandProcessTest {
  private static final String TOKEN = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;
  private MosquittoBroker broker;
  private Process kiosk;

  @AfterEach
  void stop() {
    if (kiosk != null) {
      kiosk.destroyForcibly();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void servesUntilSigtermThenStopsWithStatus143() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is needed");
    broker = MosquittoBroker.plain("matsuyama").start();
    Path data = Files.createDirectories(dir.resolve("data"));
    SecretFile.write(data.resolve("tenant.key"), new byte[32]);
    SecretFile.write(data.resolve(AdminToken.FILE_NAME), TOKEN);
    int adminPort = FreePort.find();
    Path config = Files.writeString(dir.resolve("device.yaml"), yaml(data, adminPort));

    kiosk = start(config);
    String banner = awaitBanner();
    assertThat(banner).contains("kiosk-proc-01", "127.0.0.1:" + adminPort);
    HttpResponse<String> status =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/admin/status"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains("\"deviceId\":\"kiosk-proc-01\"");

    kiosk.destroy(); // SIGTERM, as systemctl stop sends
    assertThat(kiosk.waitFor(60, TimeUnit.SECONDS)).as("stopped in time").isTrue();

    assertThat(kiosk.exitValue()).isEqualTo(143);
    assertThat(Files.readString(dir.resolve("kiosk.err"))).contains("kiosk kiosk-proc-01 stopped");
    try (SqliteStore store =
        SqliteStore.open(data.resolve(ProductionKiosk.DATABASE_FILE), 100, Clock.systemUTC())) {
      assertThat(store.integrityCheck()).isEqualTo("ok");
    }
  }

  private Process start(Path config) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Dshiori.log.dir=" + dir.resolve("logs"),
            "-cp",
            System.getProperty("java.class.path"),
            KioskCommand.class.getName(),
            "run",
            "--config",
            config.toString());
    builder.redirectError(dir.resolve("kiosk.err").toFile());
    return builder.start();
  }

  /** The line {@code kiosk run} prints once it serves; other output (logging status) is skipped. */
  private String awaitBanner() throws Exception {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(kiosk.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> banner =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                String line;
                while ((line = out.readLine()) != null) {
                  if (line.contains(" running: ")) {
                    return line;
                  }
                }
                return "(ended without a banner)";
              } catch (java.io.IOException e) {
                return "(unreadable: " + e + ")";
              }
            });
    try {
      return banner.get(90, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "no banner within 90 s; stderr:\n" + Files.readString(dir.resolve("kiosk.err")), e);
    }
  }

  private String yaml(Path data, int adminPort) {
    return String.join(
        "\n",
        "deviceId: kiosk-proc-01",
        "role: kiosk",
        "tenant: matsuyama",
        "branch: central",
        "broker:",
        "  url: " + broker.url(),
        "reader:",
        "  protocol: emulated",
        "dataDir: " + data,
        "ui:",
        "  port: " + FreePort.find(),
        "admin:",
        "  port: " + adminPort,
        "");
  }
}
