package org.shiori.bench.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The patron screen's server-sent events as a page receives them: each {@code session} event's JSON
 * and the time it arrived, taken on the thread that reads the stream.
 */
final class ScreenEvents implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CompletableFuture<HttpResponse<Stream<String>>> stream;
  private volatile boolean closed;
  private String event = "";
  private JsonNode latest = JSON.createObjectNode();
  private long latestAt;

  private ScreenEvents(HttpClient http, URI events) {
    stream =
        http.sendAsync(
            HttpRequest.newBuilder(events).header("Accept", "text/event-stream").build(),
            HttpResponse.BodyHandlers.ofLines());
    stream
        .thenAcceptAsync(response -> response.body().forEach(this::line))
        .exceptionally(
            failure -> {
              if (!closed) {
                System.err.println("screen events ended: " + failure);
              }
              return null;
            });
  }

  static ScreenEvents open(HttpClient http, URI events) {
    return new ScreenEvents(http, events);
  }

  private void line(String line) {
    if (line.startsWith("event:")) {
      event = line.substring("event:".length()).trim();
      return;
    }
    // Only "session" events carry the screen's state; "alive" is the once-a-second heartbeat.
    if (!line.startsWith("data:") || !event.equals("session")) {
      return;
    }
    long at = System.nanoTime();
    JsonNode state;
    try {
      state = JSON.readTree(line.substring("data:".length()).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("not a screen state: " + line, e);
    }
    synchronized (this) {
      latest = state;
      latestAt = at;
      notifyAll();
    }
  }

  /** The last state received. */
  synchronized JsonNode latest() {
    return latest;
  }

  /**
   * Waits until a received state satisfies {@code condition}.
   *
   * @return {@link System#nanoTime()} when that state arrived
   */
  synchronized long await(Predicate<JsonNode> condition, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(latest)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException(
            "screen state not reached within " + timeout + "; last: " + latest);
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return latestAt;
  }

  @Override
  public void close() {
    closed = true;
    stream.thenAccept(response -> response.body().close());
    stream.cancel(true);
  }
}
