package org.shiori.kiosk.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes the screen's state to every open page as server-sent events: at once on a session change,
 * and at least once a second (state or heartbeat) so that a page hearing nothing for 2.5 s knows
 * the kiosk service is gone and shows "out of service". Sends run on one thread of their own, never
 * on the reader's I/O thread.
 */
final class ScreenPush implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScreenPush.class);
  static final long HEARTBEAT_MILLIS = 1000;

  private final Set<SseClient> clients = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "screen-push");
            t.setDaemon(true);
            return t;
          });
  private final Supplier<ObjectNode> state;
  private volatile String lastSent = "";

  /**
   * @param state the screen's current state as JSON
   */
  ScreenPush(Supplier<ObjectNode> state) {
    this.state = state;
    sender.scheduleWithFixedDelay(
        this::heartbeat, HEARTBEAT_MILLIS, HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
  }

  void open(SseClient client) {
    client.keepAlive();
    client.onClose(() -> clients.remove(client));
    clients.add(client);
    sender.execute(() -> send(client, "session", state.get().toString()));
  }

  /** Something changed: send the new state to every page. */
  void changed() {
    sender.execute(this::sendIfChanged);
  }

  private void sendIfChanged() {
    ObjectNode now = state.get();
    String key = changeKey(now);
    if (!key.equals(lastSent)) {
      lastSent = key;
      String json = now.toString();
      clients.forEach(c -> send(c, "session", json));
    }
  }

  /**
   * The state without the seconds left, which change every second by themselves: the page counts
   * them down on its own, so only a new deadline is news.
   */
  private static String changeKey(ObjectNode state) {
    ObjectNode key = state.deepCopy();
    key.remove(List.of("secondsLeft", "extendable"));
    return key.toString();
  }

  /** Device states (reader, offline, printer) change without a session change: catch them here. */
  private void heartbeat() {
    ObjectNode now = state.get();
    String key = changeKey(now);
    if (!key.equals(lastSent)) {
      lastSent = key;
      String json = now.toString();
      clients.forEach(c -> send(c, "session", json));
    } else {
      clients.forEach(c -> send(c, "alive", "{}"));
    }
  }

  private void send(SseClient client, String event, String json) {
    try {
      client.sendEvent(event, json);
    } catch (RuntimeException e) {
      LOG.debug("screen page gone: {}", e.toString());
      clients.remove(client);
    }
  }

  int pages() {
    return clients.size();
  }

  @Override
  public void close() {
    sender.shutdownNow();
    clients.forEach(SseClient::close);
  }
}
