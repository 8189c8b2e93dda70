package org.shiori.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Drives a demo kiosk through its HTTP APIs, as a script or a person at the simulator would. */
final class SimClient {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;

  SimClient(String base) {
    this.base = base;
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " -> " + response.statusCode() + " " + response.body());
    }
    return json.readTree(response.body());
  }

  int send(String method, String path, Object body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .header("Content-Type", "application/json")
            .build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  void scan(String barcode) throws IOException, InterruptedException {
    int status = send("POST", "/sim/api/card", Map.of("barcode", barcode));
    if (status != 202) {
      throw new IOException("card scan refused: " + status);
    }
  }

  void place(String... uids) throws IOException, InterruptedException {
    int status = send("PUT", "/sim/api/pad", Map.of("tags", List.of(uids)));
    if (status != 200) {
      throw new IOException("pad refused: " + status);
    }
  }

  /** The first catalog tag that matches. */
  JsonNode tag(Predicate<JsonNode> which) throws IOException, InterruptedException {
    for (JsonNode tag : get("/sim/api/catalog")) {
      if (which.test(tag)) {
        return tag;
      }
    }
    throw new AssertionError("no such tag in the demo catalog");
  }

  /** Every catalog tag that matches, in catalog order. */
  List<JsonNode> tags(Predicate<JsonNode> which) throws IOException, InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode tag : get("/sim/api/catalog")) {
      if (which.test(tag)) {
        found.add(tag);
      }
    }
    return found;
  }

  String barcodeOf(String situation) throws IOException, InterruptedException {
    for (JsonNode patron : get("/sim/api/patrons")) {
      if (patron.get("situation").asText().equals(situation)) {
        return patron.get("barcode").asText();
      }
    }
    throw new AssertionError("no demo patron in situation " + situation);
  }

  /** A check that may fail with an exception while the system settles. */
  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  /** Waits until {@code check} holds, failing after {@code timeout}. */
  /** Ends the session, clears the pad and waits until the kiosk is back in return mode. */
  void finishSessionAndAwaitReturnMode(Duration timeout) throws Exception {
    send("POST", "/api/session/finish", java.util.Map.of());
    place();
    eventually(
        timeout,
        () -> {
          JsonNode view = get("/api/session");
          return view.get("mode").asText().equals("RETURN") && view.get("tagsOnPad").asInt() == 0;
        });
  }

  static void eventually(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within " + timeout);
      }
      Thread.sleep(25);
    }
  }

  /** Polls the patron screen's session until it shows {@code count} outcomes. */
  List<JsonNode> awaitOutcomes(int count, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode view = get("/api/session");
    while (view.get("outcomes").size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      view = get("/api/session");
    }
    List<JsonNode> outcomes = new ArrayList<>();
    view.get("outcomes").forEach(outcomes::add);
    return outcomes;
  }
}
