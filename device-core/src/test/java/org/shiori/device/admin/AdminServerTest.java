package org.shiori.device.admin;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.SecretFile;

/**
 * The admin server on its own, over real HTTP on loopback: what every device's routes rely on (the
 * devices' own tests are {@code AdminApiTest} and {@code GateAdminApiTest}).
 */
class AdminServerTest {
  private static final String TOKEN = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

  @TempDir Path data;
  private final AtomicInteger refusals = new AtomicInteger();
  private final HttpClient http = HttpClient.newHttpClient();
  private AdminServer server;
  private int port;

  @BeforeEach
  void start() throws IOException {
    SecretFile.write(data.resolve(AdminToken.FILE_NAME), TOKEN + "\n");
    List<AdminRoute> routes =
        List.of(
            AdminRoute.get(
                "/echo/{value}", r -> AdminAnswer.ok(Map.of("value", r.pathParam("value")))),
            AdminRoute.post("/size", r -> AdminAnswer.ok(Map.of("bytes", r.body().length))),
            AdminRoute.get(
                "/broken",
                r -> {
                  throw new IllegalStateException("failed on A1000000001B");
                }));
    server =
        new AdminServer(
            AdminToken.readFrom(data),
            () -> {
              refusals.incrementAndGet();
              throw new IllegalStateException("the event could not be stored");
            },
            routes);
    port = server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRefusalIsAnsweredEvenWhenItsReportFails() throws Exception {
    HttpResponse<String> r = send("GET", "/echo/x", "Bearer nope-nope-nope-nope", new byte[0]);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("a valid bearer token is required");
    assertThat(refusals).hasValue(1);
  }

  @Test
  void pathParametersArePercentDecodedAndKeepTheirPlus() throws Exception {
    assertThat(send("GET", "/echo/A12%2B3%2F4+5", "Bearer " + TOKEN, new byte[0]).body())
        .isEqualTo("{\"value\":\"A12+3/4+5\"}");
    assertThat(refusals).hasValue(0);
  }

  @Test
  void aBodyUpToTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
    byte[] limit = new byte[AdminServer.MAX_BODY_BYTES];
    assertThat(send("POST", "/size", "Bearer " + TOKEN, limit).body())
        .isEqualTo("{\"bytes\":" + AdminServer.MAX_BODY_BYTES + "}");
    byte[] over = new byte[AdminServer.MAX_BODY_BYTES + 1];
    assertThat(send("POST", "/size", "Bearer " + TOKEN, over).statusCode()).isEqualTo(413);
    assertThat(send("POST", "/size", "Bearer " + TOKEN, new byte[3]).body())
        .isEqualTo("{\"bytes\":3}");
  }

  @Test
  void aFailingRouteAnswers500WithoutWhatTheFailureSaidAndTheServerGoesOn() throws Exception {
    HttpResponse<String> r = send("GET", "/broken", "Bearer " + TOKEN, new byte[0]);
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .isEqualTo("{\"error\":\"internal error, see the device log\"}")
        .doesNotContain("A1000000001B");
    assertThat(send("GET", "/echo/y", "Bearer " + TOKEN, new byte[0]).statusCode()).isEqualTo(200);
  }

  @Test
  void theJdkServersOwnLogWhichQuotesRequestLinesIsHeldAtWarnings() {
    assertThat(java.util.logging.Logger.getLogger("com.sun.net.httpserver").getLevel())
        .isEqualTo(java.util.logging.Level.WARNING);
  }

  @Test
  void clientsThatStallMidRequestAreCutOffAndTheApiAnswersAgain() throws Exception {
    List<Socket> stalled = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) { // more than the server's threads
        Socket s = new Socket("127.0.0.1", port);
        s.getOutputStream().write("GET /echo/x HTTP/1.1\r\nHost: x\r\n".getBytes(US_ASCII));
        s.getOutputStream().flush();
        stalled.add(s);
      }
      long started = System.nanoTime();
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/echo/after"))
                  .timeout(Duration.ofSeconds(AdminServer.REQUEST_SECONDS * 3L))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(Duration.ofSeconds(AdminServer.REQUEST_SECONDS * 3L));
      for (Socket s : stalled) {
        assertThat(closedByServer(s)).as("stalled connection closed").isTrue();
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  /** Whether the server closed {@code s}: end of stream or a reset, not a timeout. */
  private static boolean closedByServer(Socket s) throws IOException {
    s.setSoTimeout(5_000);
    try {
      return s.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset: closed with our unread request bytes in its buffer
    }
  }

  private HttpResponse<String> send(String method, String path, String authorization, byte[] body)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
