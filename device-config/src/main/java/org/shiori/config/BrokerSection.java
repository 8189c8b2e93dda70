package org.shiori.config;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code broker} and {@code broker.tls}. */
final class BrokerSection {
  private static final Pattern URL =
      Pattern.compile("(tcp|ssl)://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]):([0-9]{1,5})");
  private static final String URL_ALLOWED = "tcp://HOST:PORT or ssl://HOST:PORT";
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String TLS_FILES = "required when broker.url is ssl://: a readable file";

  private BrokerSection() {}

  static BrokerSettings read(SectionReader broker, String deviceId, ConfigPaths paths) {
    broker.allowOnly("url", "tls", "clientId", "keepAliveSeconds");
    Optional<Matcher> url =
        broker
            .requiredMatching("url", URL, URL_ALLOWED)
            .map(URL::matcher)
            .filter(Matcher::matches)
            .filter(m -> validPort(broker, m));
    boolean ssl = url.map(m -> m.group(1).equals("ssl")).orElse(false);
    Optional<TlsSettings> tls = readTls(broker, ssl, url.isPresent(), paths);
    String clientId =
        broker
            .matching("clientId", CLIENT_ID, "1 to 64 characters of A-Z, a-z, 0-9, _ and -")
            .orElse(deviceId);
    int keepAlive = broker.integer("keepAliveSeconds", 30, 1, 65535);
    return new BrokerSettings(
        url.map(Matcher::group).orElse(""),
        url.map(m -> m.group(2)).orElse(""),
        url.map(m -> Integer.parseInt(m.group(3))).orElse(0),
        tls,
        clientId,
        keepAlive);
  }

  private static boolean validPort(SectionReader broker, Matcher url) {
    int port = Integer.parseInt(url.group(3));
    if (port < 1 || port > 65535) {
      broker.report("url", url.group(), URL_ALLOWED + " with PORT from 1 to 65535");
      return false;
    }
    return true;
  }

  private static Optional<TlsSettings> readTls(
      SectionReader broker, boolean ssl, boolean urlKnown, ConfigPaths paths) {
    if (!ssl) {
      if (urlKnown && broker.has("tls")) {
        broker.report("tls", broker.written("tls"), "only with an ssl:// url");
      }
      return Optional.empty();
    }
    SectionReader tls = broker.section("tls");
    tls.allowOnly("ca", "cert", "key");
    Optional<Path> ca = tlsFile(tls, "ca", paths);
    Optional<Path> cert = tlsFile(tls, "cert", paths);
    Optional<Path> key = tlsFile(tls, "key", paths);
    if (ca.isEmpty() || cert.isEmpty() || key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new TlsSettings(ca.get(), cert.get(), key.get()));
  }

  private static Optional<Path> tlsFile(SectionReader tls, String key, ConfigPaths paths) {
    if (!tls.has(key)) {
      tls.reportMissing(key, TLS_FILES);
      return Optional.empty();
    }
    return tls.text(key, ConfigPaths.READABLE_FILE).flatMap(p -> paths.readableFile(tls, key, p));
  }
}
