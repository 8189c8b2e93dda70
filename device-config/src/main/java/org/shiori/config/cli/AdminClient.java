package org.shiori.config.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.shiori.config.DeviceConfig;
import org.shiori.config.SecretFiles;

/**
 * The running service's admin API on 127.0.0.1:{@code admin.port}, with the bearer token of {@code
 * dataDir/admin.token} (which must be 0600, as the service requires).
 */
final class AdminClient {
  static final String TOKEN_FILE = "admin.token";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final URI base;
  private final String token;
  private final String unit;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  private AdminClient(URI base, String token, String unit) {
    this.base = base;
    this.token = token;
    this.unit = unit;
  }

  /**
   * @throws IOException naming the token file when it is missing, too open or empty
   */
  static AdminClient of(DeviceConfig config) throws IOException {
    Path file = config.dataDir().resolve(TOKEN_FILE);
    if (!Files.exists(file)) {
      throw new IOException("no admin token " + file + " (provisioned with the device)");
    }
    SecretFiles.requireOwnerOnly(file);
    if (Files.size(file) > 4096) {
      throw new IOException(file + " is larger than 4 KiB, not a token");
    }
    String token = Files.readString(file, StandardCharsets.UTF_8).strip();
    return new AdminClient(
        URI.create("http://127.0.0.1:" + config.admin().port()),
        token,
        "shiori-" + config.role().configName());
  }

  /** {@code GET path} as JSON. @throws IOException when the service does not answer 200 */
  JsonNode get(String path) throws IOException {
    return send("GET", path);
  }

  /** {@code DELETE path}, the answer as JSON. */
  JsonNode delete(String path) throws IOException {
    return send("DELETE", path);
  }

  private JsonNode send(String method, String path) throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (IOException e) {
      throw new IOException(
          "the service does not answer on "
              + base
              + " ("
              + e.getClass().getSimpleName()
              + "): is it running? systemctl status "
              + unit,
          e);
    }
    if (response.statusCode() != 200) {
      // Never the path itself: for patron requests it holds the card number.
      throw new IOException(
          method
              + " "
              + base
              + " answered "
              + response.statusCode()
              + (response.statusCode() == 400 || response.statusCode() == 404
                  ? " (" + reason(response.body()) + ")"
                  : "")
              + (response.statusCode() == 401
                  ? " (token refused: compare dataDir/admin.token)"
                  : ""));
    }
    return new ObjectMapper().readTree(response.body());
  }

  /** The refusal's own words (the answer's JSON "title"), at most a line. */
  private static String reason(String body) {
    try {
      String title = new ObjectMapper().readTree(body).path("title").asText("");
      return title.isEmpty() ? "refused" : title.lines().findFirst().orElse("refused");
    } catch (IOException e) {
      return "refused";
    }
  }
}
