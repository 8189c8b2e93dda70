package org.shiori.gate.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pi4j.context.Context;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.config.cli.DeviceConfigCommand;
import org.shiori.config.reader.ConfiguredReaders;
import org.shiori.device.admin.AdminServer;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.store.SqliteStore;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.gate.app.GateService;
import org.shiori.gate.app.GateTuning;
import org.shiori.gate.testing.EventWatcher;
import org.shiori.gate.testing.GateAntenna;
import org.shiori.gate.testing.MockGpio;
import org.shiori.protocol.SyncBatch;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.FreePort;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import org.shiori.testkit.SecretFile;
import org.shiori.testkit.SocatPtyPair;

/**
 * The admin API of a running gate, as {@code gate run} wires it: real Mosquitto on loopback, the
 * real FEIG driver on one end of a socat pty pair and the FEIG emulator on the other, the item
 * cache in a real SQLite file, Pi4J's mock plugin; called over HTTP and through {@code
 * device-config status}.
 */
@Timeout(180)
class GateAdminApiTest {
  private static final String TENANT = "matsuyama";
  private static final String DEVICE = "gate-admin-01";
  private static final String TOKEN = "7c41e09b2f5d8a36c1e4b7f20a9d5c83";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  private static MosquittoBroker broker;
  private static SocatPtyPair cable;
  private static FeigReaderEmulator emulator;
  private static final TagField FIELD = new TagField();
  private static TagReader reader;
  private static Context pi4j;
  private static GateService gate;
  private static EventWatcher central;
  private static Path config;
  private static int adminPort;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto is not installed");
    Required.part(SocatPtyPair.socatAvailable(), "socat is not installed");
    broker = MosquittoBroker.plain(TENANT).start();
    cable = SocatPtyPair.start();
    emulator =
        new FeigReaderEmulator(new SerialTransport(SerialSettings.feig(cable.first())), FIELD, 0xFF)
            .start();
    Path data = Files.createDirectories(dir.resolve("data"));
    SecretFile.write(data.resolve(AdminToken.FILE_NAME), TOKEN + "\n");
    cache(data, "ITEM-1", "ITEM-2");
    adminPort = FreePort.find();
    config = writeConfig("device.yaml", data, adminPort);
    DeviceConfig device = DeviceConfigLoader.load(config);
    central = new EventWatcher(broker.url(), "lib/" + TENANT + "/dev/" + DEVICE + "/event");
    reader = ConfiguredReaders.open(device.reader(), ConfiguredReaders.REPLY_TIMEOUT);
    pi4j = MockGpio.context();
    gate =
        GateService.start(
            device,
            reader,
            pi4j,
            GateTuning.DEFAULT.withCycle(Duration.ofMillis(20)),
            Clock.systemUTC(),
            Optional.empty(),
            Optional.of(AdminToken.readFrom(data)));
    assertThat(gate.link().awaitConnected(WAIT)).as("gate connected").isTrue();
  }

  @AfterAll
  static void stop() throws Exception {
    if (gate != null) {
      gate.close();
    }
    if (pi4j != null) {
      pi4j.shutdown();
    }
    if (reader != null) {
      reader.close();
    }
    if (emulator != null) {
      emulator.close();
    }
    if (cable != null) {
      cable.close();
    }
    if (central != null) {
      central.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  private static Path writeConfig(String name, Path data, int port) throws IOException {
    List<String> lines =
        new ArrayList<>(
            List.of(
                "deviceId: " + DEVICE,
                "role: gate",
                "tenant: " + TENANT,
                "branch: central",
                "broker:",
                "  url: tcp://127.0.0.1:" + broker.port(),
                "reader:",
                "  protocol: feig",
                "  port: " + cable.second(),
                "security:",
                "  mode: afi",
                "dataDir: " + data,
                "admin:",
                "  port: " + port,
                "gate:",
                "  alarmMode: database",
                "  lightPin: 17",
                "  buzzerPin: 27",
                "  outerBeamPin: 22",
                "  innerBeamPin: 23",
                "  alarmMillis: 200",
                ""));
    return Files.writeString(dir.resolve(name), String.join("\n", lines));
  }

  /** The item cache as central's first sync leaves it (sequence 1). */
  private static void cache(Path data, String... itemIds) {
    try (SqliteStore store =
        SqliteStore.open(data.resolve(GateService.DATABASE_FILE), 100, Clock.systemUTC())) {
      List<ItemRecord> items = new ArrayList<>();
      for (String id : itemIds) {
        items.add(
            new ItemRecord(
                id,
                "Title of " + id,
                "book",
                "central",
                ItemStatus.AVAILABLE,
                Set.of(),
                1,
                Optional.empty()));
      }
      store.applyItems(new SyncBatch<>(1, true, 0, 1, items, List.of()));
    }
  }

  @Test
  void statusComesFromTheRunningGatesParts() throws Exception {
    Conditions.await(
        WAIT,
        () -> status().at("/reader/answering").asBoolean() && status().get("online").asBoolean(),
        () -> "status " + statusText());
    JsonNode s = status();
    assertThat(s.get("deviceId").asText()).isEqualTo(DEVICE);
    assertThat(s.get("role").asText()).isEqualTo("gate");
    assertThat(s.get("offlineSince").isNull()).isTrue();
    assertThat(s.get("version").asText()).isEqualTo("0.1.0");
    assertThat(s.get("startedAt").asText()).isNotBlank();
    assertThat(s.at("/lastSync/items/sequence").asLong()).isEqualTo(1);
    assertThat(s.at("/lastSync/items/at").isTextual()).isTrue();
    assertThat(s.get("lastSync").has("patrons")).as("a gate keeps no patrons").isFalse();
    assertThat(s.at("/reader/protocol").asText()).isEqualTo("feig");
    assertThat(s.at("/reader/port").asText()).isEqualTo(cable.second());
    assertThat(s.get("rulesInUse").isNull()).isTrue();
    assertThat(s.at("/gate/alarmMode").asText()).isEqualTo("database");
    assertThat(s.at("/gate/itemStates").asInt()).isEqualTo(2);
    assertThat(s.at("/gate/visitorTotals/in").asLong()).isZero();

    // An item not on loan walks out: the alarm is counted and its event goes through the outbox.
    FIELD.put(GateAntenna.itemTag("E004010000000001", "ITEM-1", false));
    Conditions.await(
        WAIT,
        () -> status().at("/gate/alarmsRaised").asLong() == 1,
        () -> "status " + statusText());
    Conditions.await(
        WAIT, () -> !central.ofType("gate-alarm").isEmpty(), () -> "events " + central.payloads());
    Conditions.await(
        WAIT, () -> status().get("outboxPending").asInt() == 0, () -> "status " + statusText());
    FIELD.remove(GateAntenna.itemTag("E004010000000001", "ITEM-1", false).uid());
  }

  @Test
  void withoutOrWithAWrongTokenEveryPathAnswers401AndCentralIsTold_P_BREACH_1() throws Exception {
    for (String path : new String[] {"/admin/status", "/admin/nothing", "/admin/patrons/A1B"}) {
      HttpResponse<String> none = send("GET", path, Optional.empty(), noBody());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer realm="));
    }
    HttpResponse<String> wrong =
        send("GET", "/admin/status", Optional.of(TOKEN.substring(1) + "x"), noBody());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(DEVICE);
    Conditions.await(
        WAIT,
        () ->
            central.ofType("unauthorised-access").stream()
                .anyMatch(e -> e.path("code").asText().equals("ADMIN_TOKEN_REFUSED")),
        () -> "events " + central.payloads());
    assertThat(authorised("GET", "/admin/status", noBody()).statusCode()).isEqualTo(200);
  }

  @Test
  void oversizedBodiesUnknownPathsAndWrongMethodsAreRefusedAndTheGateGoesOn() throws Exception {
    byte[] big = new byte[AdminServer.MAX_BODY_BYTES + 1];
    HttpResponse<String> declared =
        authorised("GET", "/admin/status", HttpRequest.BodyPublishers.ofByteArray(big));
    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(JSON.readTree(declared.body()).get("title").asText()).contains("larger than");
    // Chunked, no length announced: refused once the limit is passed.
    HttpResponse<String> chunked =
        authorised(
            "DELETE",
            "/admin/patrons/A1000000001B",
            HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    assertThat(chunked.statusCode()).isEqualTo(413);

    HttpResponse<String> unknown = authorised("GET", "/admin/rejections", noBody());
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("title").asText())
        .isEqualTo("no such admin route");
    assertThat(authorised("GET", "/admin/status/", noBody()).statusCode()).isEqualTo(200);
    assertThat(authorised("GET", "/admin/status/more", noBody()).statusCode()).isEqualTo(404);
    HttpResponse<String> put = authorised("PUT", "/admin/status", noBody());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET");
    // What a well-behaved client never sends: a broken escape, a request line that is no HTTP.
    assertThat(raw("GET /admin/patrons/%zz HTTP/1.1\r\nAuthorization: Bearer " + TOKEN))
        .startsWith("HTTP/1.1 400");
    assertThat(raw("\u0000\u0001 nonsense")).startsWith("HTTP/1.1 400");

    assertThat(authorised("GET", "/admin/status", noBody()).statusCode()).isEqualTo(200);
  }

  @Test
  void patronRoutesSayAGateHoldsNoPatronData() throws Exception {
    for (String method : new String[] {"GET", "DELETE"}) {
      HttpResponse<String> r = authorised(method, "/admin/patrons/A1000000001B", noBody());
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(r.body()).get("title").asText())
          .isEqualTo(GateAdminRoutes.NO_PATRON_DATA);
      assertThat(r.body()).doesNotContain("A1000000001B");
    }
    Run export =
        deviceConfig("patron", "export", "--card", "A1000000001B", "--config", config.toString());
    assertThat(export.exit()).isEqualTo(1);
    assertThat(export.err())
        .contains("answered 404 (a gate holds no patron data")
        .doesNotContain("A1000000001B");
  }

  @Test
  void deviceConfigStatusReadsTheGateAsItReadsAKiosk() {
    Conditions.await(
        WAIT,
        () -> deviceConfig("status", "--config", config.toString()).exit() == 0,
        () -> "status: " + deviceConfig("status", "--config", config.toString()));
    Run r = deviceConfig("status", "--config", config.toString());
    assertThat(r.out())
        .contains(
            DEVICE + " (gate)",
            "0.1.0",
            "(up 0 h ",
            "tcp://127.0.0.1:" + broker.port() + " online",
            " pending (events)",
            "sync items",
            "version 1, at 20",
            "cache age",
            "\"protocol\":\"feig\"",
            "\"answering\":true",
            "rules in use     none",
            "alarm mode       database",
            "item states      2 in memory",
            "visitors         0 in, 0 out")
        .doesNotContain("sync patrons");
    assertThat(r.err()).isEmpty();
  }

  /** The gate holds its reader, so selftest takes the reader's state from the running gate. */
  @Test
  void selftestTakesTheReaderFromTheRunningGate() {
    Conditions.await(
        WAIT,
        () -> deviceConfig("status", "--config", config.toString()).exit() == 0,
        () -> "status: " + deviceConfig("status", "--config", config.toString()));
    Run r = deviceConfig("selftest", "--config", config.toString());
    assertThat(r.out())
        .containsPattern("PASS +admin token")
        .containsPattern("PASS +reader +as the running gate reports it: .*\"answering\":true");
  }

  @Test
  void deviceConfigStatusSaysInOneLineWhenTheTokenIsWrongOrTheGateIsNotRunning() throws Exception {
    Path otherData = Files.createDirectories(dir.resolve("other"));
    SecretFile.write(otherData.resolve(AdminToken.FILE_NAME), "not-the-gates-token-at-all\n");
    Run wrong =
        deviceConfig(
            "status", "--config", writeConfig("wrong.yaml", otherData, adminPort).toString());
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err().strip().lines()).hasSize(1);
    assertThat(wrong.err()).contains("answered 401", "token refused");
    assertThat(wrong.out()).isEmpty();

    Run stopped =
        deviceConfig(
            "status",
            "--config",
            writeConfig("stopped.yaml", otherData, FreePort.find()).toString());
    assertThat(stopped.exit()).isEqualTo(1);
    assertThat(stopped.err().strip().lines()).hasSize(1);
    assertThat(stopped.err()).contains("does not answer", "systemctl status shiori-gate");
  }

  @Test
  void anAdminPortThatIsTakenStopsASecondGateWithThePortNamed() throws Exception {
    Path otherData = Files.createDirectories(dir.resolve("second"));
    SecretFile.write(otherData.resolve(AdminToken.FILE_NAME), TOKEN + "\n");
    Path file = writeConfig("second.yaml", otherData, adminPort);
    Files.writeString(file, Files.readString(file).replace(DEVICE, "gate-admin-02"));
    DeviceConfig second = DeviceConfigLoader.load(file);
    Context otherGpio = MockGpio.context();
    try (GateAntenna antenna = new GateAntenna()) {
      assertThatThrownBy(
              () ->
                  GateService.start(
                      second,
                      antenna.reader(),
                      otherGpio,
                      GateTuning.DEFAULT,
                      Clock.systemUTC(),
                      Optional.empty(),
                      Optional.of(AdminToken.readFrom(otherData))))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("admin.port " + adminPort);
    } finally {
      otherGpio.shutdown();
    }
    assertThat(authorised("GET", "/admin/status", noBody()).statusCode()).isEqualTo(200);
  }

  private record Run(int exit, String out, String err) {}

  private static Run deviceConfig(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private JsonNode status() {
    try {
      return JSON.readTree(statusText());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String statusText() {
    try {
      HttpResponse<String> r = authorised("GET", "/admin/status", noBody());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return r.body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /** The status line answered to {@code head} (request line and headers) sent on a raw socket. */
  private static String raw(String head) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", adminPort)) {
      socket.setSoTimeout(20_000);
      String request = head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      String status = in.readLine();
      return status == null ? "(connection closed without an answer)" : status;
    }
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private HttpResponse<String> authorised(
      String method, String path, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    return send(method, path, Optional.of(TOKEN), body);
  }

  private HttpResponse<String> send(
      String method, String path, Optional<String> token, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
            .timeout(Duration.ofSeconds(20))
            .method(method, body);
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
