package org.shiori.device.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.shiori.device.app.JsonMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local admin API of a kiosk or a gate (docs/admin-api.md), on the JDK's own HTTP server so the
 * gate needs no web framework: every request must carry the {@link AdminToken} before anything else
 * happens, the body is read only up to {@link #MAX_BODY_BYTES}, and the answer is JSON. Request
 * paths may carry a card number, so nothing here logs a path.
 */
public final class AdminServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);

  /** Largest request body read; no route needs more than a few hundred bytes. */
  public static final int MAX_BODY_BYTES = 16 * 1024;

  /** Requests served at once: the API is for one technician or staff application at a time. */
  private static final int THREADS = 2;

  private static final String JSON_TYPE = "application/json; charset=utf-8";

  /**
   * The JDK server's own log quotes request lines (paths, so card numbers) at its debug levels: it
   * is held at warnings whatever the JVM's logging configuration says. Kept here so the setting is
   * not collected with the logger.
   */
  private static final java.util.logging.Logger JDK_SERVER_LOG =
      java.util.logging.Logger.getLogger("com.sun.net.httpserver");

  /** A request's line and headers must arrive within this; a stalled client is cut off. */
  static final int REQUEST_SECONDS = 10;

  /** An answer, reading the body included, must be done within this. */
  static final int ANSWER_SECONDS = 60;

  static {
    // The JDK server reads its limits once, when its first server is made; only this class makes
    // one. Without them two clients that stall mid-request would hold both threads for good.
    System.getProperties()
        .putIfAbsent("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
    System.getProperties()
        .putIfAbsent("sun.net.httpserver.maxRspTime", Integer.toString(ANSWER_SECONDS));
  }

  private final AdminToken token;
  private final Runnable refused;
  private final List<AdminRoute> routes;
  private final ObjectMapper json = JsonMapping.create();
  private HttpServer server;
  private ExecutorService threads;

  /**
   * @param token the bearer token every request must carry
   * @param refused told of each refused request (no or wrong token), to report it (P-BREACH-1)
   * @param routes what the device serves
   */
  public AdminServer(AdminToken token, Runnable refused, List<AdminRoute> routes) {
    this.token = token;
    this.refused = refused;
    this.routes = List.copyOf(routes);
  }

  /**
   * Starts serving and returns the port in use (0 picks a free one).
   *
   * @throws UncheckedIOException when the port cannot be bound, e.g. it is taken
   */
  public synchronized int start(String host, int port) {
    JDK_SERVER_LOG.setLevel(java.util.logging.Level.WARNING);
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 16);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "admin API cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
    }
    threads =
        Executors.newFixedThreadPool(
            THREADS,
            r -> {
              Thread t = new Thread(r, "admin-api");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(threads);
    server.createContext("/", this::serve);
    server.start();
    return server.getAddress().getPort();
  }

  private void serve(HttpExchange exchange) {
    try (exchange) {
      byte[] answer;
      int status;
      try {
        AdminAnswer a = answer(exchange);
        status = a.status();
        answer = a.json().isPresent() ? json.writeValueAsBytes(a.json().get()) : new byte[0];
      } catch (AdminRefusal r) {
        status = r.status();
        answer = refusal(r.status(), r.getMessage());
      } catch (JsonProcessingException | RuntimeException e) {
        // The class only: a message may quote what the request carried.
        LOG.error("admin request failed: {}", e.getClass().getName());
        status = 500;
        answer = json.writeValueAsBytes(Map.of("error", "internal error, see the device log"));
      }
      send(exchange, status, answer);
    } catch (IOException e) {
      LOG.debug("admin answer not sent: {}", e.getClass().getSimpleName());
    }
  }

  private AdminAnswer answer(HttpExchange exchange) throws IOException {
    if (!token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
      tellRefused();
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"shiori-admin\"");
      throw new AdminRefusal(401, "a valid bearer token is required");
    }
    List<String> segments = segments(exchange.getRequestURI().getRawPath());
    String method = exchange.getRequestMethod();
    TreeSet<String> allowed = new TreeSet<>();
    for (AdminRoute route : routes) {
      Optional<Map<String, String>> params = route.match(segments);
      if (params.isEmpty()) {
        continue;
      }
      if (route.method().equals(method)) {
        return route.handler().handle(new AdminRequest(params.get(), body(exchange)));
      }
      allowed.add(route.method());
    }
    if (allowed.isEmpty()) {
      throw AdminRefusal.notFound("no such admin route");
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new AdminRefusal(405, "method not allowed here; allowed: " + String.join(", ", allowed));
  }

  private void tellRefused() {
    try {
      refused.run();
    } catch (RuntimeException e) {
      // The refusal is answered all the same; only its report failed.
      LOG.warn("refused admin request not reported: {}", e.getClass().getName());
    }
  }

  /**
   * The path's segments, percent-decoded ({@code +} stays {@code +}: card numbers carry it). A
   * trailing slash is ignored, as the kiosk's API always did.
   */
  private static List<String> segments(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw AdminRefusal.badRequest("the request path must start with /");
    }
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    List<String> segments = new ArrayList<>();
    for (String raw : path.substring(1).split("/", -1)) {
      try {
        segments.add(URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw AdminRefusal.badRequest("the request path is not well percent-encoded");
      }
    }
    return segments;
  }

  /** At most {@link #MAX_BODY_BYTES}; a larger body is refused before it is read. */
  private static byte[] body(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && !declared.isBlank()) {
      long length;
      try {
        length = Long.parseLong(declared.strip());
      } catch (NumberFormatException e) {
        throw AdminRefusal.badRequest("Content-Length is not a number");
      }
      if (length > MAX_BODY_BYTES) {
        throw tooLarge(exchange);
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw tooLarge(exchange);
      }
      return body;
    }
  }

  private static AdminRefusal tooLarge(HttpExchange exchange) {
    // The rest of the body is not read: the connection ends with this answer.
    exchange.getResponseHeaders().set("Connection", "close");
    return new AdminRefusal(413, "request body larger than " + MAX_BODY_BYTES + " bytes");
  }

  private byte[] refusal(int status, String reason) throws JsonProcessingException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", reason);
    body.put("status", status);
    return json.writeValueAsBytes(body);
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    if (status == 204 || body.length == 0) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", JSON_TYPE);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      threads.shutdownNow();
      server = null;
    }
  }
}
