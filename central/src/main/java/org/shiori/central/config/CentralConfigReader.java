package org.shiori.central.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.shiori.central.config.CentralConfig.Connector;
import org.shiori.central.config.CentralConfig.DatabaseKind;
import org.shiori.central.ils.sip2.Sip2Settings;
import org.shiori.central.ils.sip2.Sip2SettingsException;
import org.shiori.central.ils.sip2.Sip2Terminator;

/**
 * Reads and checks central's YAML configuration (see docs/central.md). Every error names the file,
 * the line, the field, the value found and what is allowed; unknown keys are errors.
 */
public final class CentralConfigReader {
  private static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
  private static final String SEGMENT_ALLOWED = "1-64 of [A-Za-z0-9_.-], starting with a letter";

  private CentralConfigReader() {}

  public static CentralConfig read(Path file) throws CentralConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CentralConfigException(file, 0, "(file)", file.toString(), "a readable file");
    }
    return parse(file, text);
  }

  public static CentralConfig parse(Path file, String text) throws CentralConfigException {
    ConfigSection root = ConfigSection.root(file, YamlTreeReader.read(file, text));
    String tenant = root.text("tenant", SEGMENT, SEGMENT_ALLOWED);
    String instance = root.text("instanceId", SEGMENT, SEGMENT_ALLOWED);
    CentralConfig.Broker broker = broker(root.section("broker"));
    CentralConfig.Database database = database(file, root.section("database"));
    ConfigSection ingestSection = root.section("ingest");
    CentralConfig.Ingest ingest =
        new CentralConfig.Ingest(ingestSection.integer("workers", 4, 1, 64));
    ingestSection.refuseUnknownKeys();
    ConfigSection privacy = root.section("privacy");
    Optional<Path> tenantKeyFile = Optional.empty();
    if (privacy.has("tenantKeyFile")) {
      tenantKeyFile =
          Optional.of(
              existingFile(
                  privacy, "tenantKeyFile", "a readable file: the tenant key (raw bytes, 0600)"));
    }
    privacy.refuseUnknownKeys();
    CentralConfig.Ils ils = ils(file, root.section("ils"), root, tenantKeyFile);
    ConfigSection syncSection = root.section("sync");
    CentralConfig.Sync sync =
        new CentralConfig.Sync(syncSection.integer("snapshotChunk", 200, 1, 1000));
    syncSection.refuseUnknownKeys();
    ConfigSection keep = root.section("retention");
    CentralConfig.Retention retention =
        new CentralConfig.Retention(
            Duration.ofDays(keep.integer("transactionsDays", 90, 1, 3650)),
            Duration.ofDays(keep.integer("eventsDays", 365, 1, 3650)),
            Duration.ofDays(keep.integer("rejectionsDays", 365, 1, 3650)));
    keep.refuseUnknownKeys();
    // The card proof of loans and renewal requests is hashed with privacy.tenantKeyFile.
    CentralConfig.Loans loans = loans(root.section("loans"));
    root.refuseUnknownKeys();
    return new CentralConfig(
        tenant, instance, broker, database, ingest, ils, sync, retention, tenantKeyFile, loans);
  }

  private static CentralConfig.Loans loans(ConfigSection s) throws CentralConfigException {
    int perMinute = s.integer("requestsPerMinute", 20, 1, 600);
    String policy =
        s.optionalText("policy", "[A-Za-z0-9_./-]{1,255}", "a shipped policy name or a file")
            .orElse("matsuyama");
    String zone =
        s.optionalText("timeZone", ".+", "a zone id such as Asia/Tokyo").orElse("Asia/Tokyo");
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone);
    } catch (java.time.DateTimeException e) {
      throw s.error("timeZone", "'" + zone + "'", "a zone id such as Asia/Tokyo");
    }
    try {
      org.shiori.circulation.policy.ShippedPolicies.read(policy);
    } catch (RuntimeException e) {
      throw s.error(
          "policy", "'" + policy + "'", "a shipped policy name or a readable policy file");
    }
    s.refuseUnknownKeys();
    return new CentralConfig.Loans(Optional.empty(), perMinute, policy, zoneId);
  }

  private static CentralConfig.Broker broker(ConfigSection s) throws CentralConfigException {
    String allowed = "ssl://HOST:PORT, or tcp://HOST:PORT for a broker on this machine (127.0.0.1)";
    String raw = s.text("url", ".+", allowed);
    URI url;
    try {
      url = new URI(raw);
    } catch (URISyntaxException e) {
      throw s.error("url", "'" + raw + "'", allowed);
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (url.getHost() == null
        || url.getPort() < 1
        || !(scheme.equals("ssl") || scheme.equals("tcp"))) {
      throw s.error("url", "'" + raw + "'", allowed);
    }
    boolean loopback =
        url.getHost().equals("127.0.0.1")
            || url.getHost().equals("localhost")
            || url.getHost().equals("::1");
    // Transactions carry patron keys and loans answers titles: personal data only over TLS.
    if (scheme.equals("tcp") && !loopback) {
      throw s.error("url", "'" + raw + "'", allowed + " (P-TLS-1: personal data only over TLS)");
    }
    Optional<CentralConfig.Tls> tls = Optional.empty();
    if (s.has("tls")) {
      ConfigSection t = s.section("tls");
      tls =
          Optional.of(
              new CentralConfig.Tls(
                  existing(t, "caCertificate"),
                  existing(t, "certificate"),
                  existing(t, "privateKey")));
      t.refuseUnknownKeys();
    }
    if (scheme.equals("ssl") && tls.isEmpty()) {
      throw s.error("tls", "(missing)", "caCertificate, certificate and privateKey for ssl://");
    }
    int keepAlive = s.integer("keepAliveSeconds", 30, 5, 600);
    s.refuseUnknownKeys();
    return new CentralConfig.Broker(url, tls, Duration.ofSeconds(keepAlive));
  }

  private static Path existing(ConfigSection s, String key) throws CentralConfigException {
    Path p = s.path(key);
    if (!Files.isReadable(p)) {
      throw s.error(key, "'" + p + "'", "a readable PEM file");
    }
    return p;
  }

  private static CentralConfig.Database database(Path file, ConfigSection s)
      throws CentralConfigException {
    DatabaseKind kind =
        DatabaseKind.valueOf(
            s.oneOf("kind", null, "postgresql", "sqlite").toUpperCase(Locale.ROOT));
    CentralConfig.Database db;
    if (kind == DatabaseKind.SQLITE) {
      db = CentralConfig.Database.sqlite(s.path("file"));
    } else {
      String url =
          s.text(
              "url",
              "jdbc:postgresql://[^\\s]+",
              "jdbc:postgresql://HOST:PORT/DATABASE (e.g. jdbc:postgresql://127.0.0.1:5432/shiori)");
      String user = s.text("user", "[A-Za-z_][A-Za-z0-9_]{0,62}", "a PostgreSQL role name");
      Optional<String> password = Optional.empty();
      Optional<Path> passwordFile = s.optionalPath("passwordFile");
      if (passwordFile.isPresent()) {
        try {
          password =
              Optional.of(Files.readString(passwordFile.get(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
          throw s.error("passwordFile", "'" + passwordFile.get() + "'", "a readable file");
        }
      }
      db = new CentralConfig.Database(kind, url, user, password, s.integer("poolSize", 8, 2, 100));
    }
    s.refuseUnknownKeys();
    return db;
  }

  private static CentralConfig.Ils ils(
      Path file, ConfigSection s, ConfigSection root, Optional<Path> tenantKeyFile)
      throws CentralConfigException {
    Connector connector =
        Connector.valueOf(
            s.oneOf("connector", "standalone", "standalone", "sip2", "file-import")
                .replace('-', '_')
                .toUpperCase(Locale.ROOT));
    Duration retry = Duration.ofSeconds(s.integer("retrySeconds", 5, 1, 3600));
    Optional<Sip2Settings> sip2 = Optional.empty();
    if (connector == Connector.SIP2) {
      if (!s.has("sip2")) {
        throw s.error("sip2", "(missing)", "a sip2 section (host, port, institutionId...)");
      }
      sip2 = Optional.of(sip2(s.section("sip2")));
    } else if (s.has("sip2")) {
      throw s.error("sip2", "(a section)", "no sip2 section unless connector is sip2");
    }
    Optional<CentralConfig.FileImport> fileImport = Optional.empty();
    if (connector == Connector.FILE_IMPORT && !s.has("fileImport")) {
      throw s.error("fileImport", "(missing)", "a fileImport section (items, patrons, holds...)");
    }
    if (connector == Connector.STANDALONE && s.has("fileImport")) {
      throw s.error(
          "fileImport",
          "(a section)",
          "no fileImport section with connector standalone (file-import: central keeps the"
              + " loans and imports the exports; sip2: the library system keeps them)");
    }
    if (s.has("fileImport")) {
      if (tenantKeyFile.isEmpty()) {
        throw root.error(
            "privacy", "(missing)", "privacy.tenantKeyFile: the file import hashes card numbers");
      }
      fileImport = Optional.of(fileImport(s.section("fileImport"), tenantKeyFile.get()));
    }
    s.refuseUnknownKeys();
    return new CentralConfig.Ils(connector, sip2, retry, fileImport);
  }

  private static CentralConfig.FileImport fileImport(ConfigSection s, Path tenantKeyFile)
      throws CentralConfigException {
    // The export files need not exist yet (the library system may not have written them).
    CentralConfig.FileImport f =
        new CentralConfig.FileImport(
            s.path("items"),
            s.path("patrons"),
            s.path("holds"),
            tenantKeyFile,
            Duration.ofMinutes(s.integer("everyMinutes", 15, 1, 1440)));
    s.refuseUnknownKeys();
    return f;
  }

  private static Path existingFile(ConfigSection s, String key, String allowed)
      throws CentralConfigException {
    Path p = s.path(key);
    if (!Files.isReadable(p)) {
      throw s.error(key, "'" + p + "'", allowed);
    }
    return p;
  }

  private static Sip2Settings sip2(ConfigSection s) throws CentralConfigException {
    Sip2Settings.Builder b = Sip2Settings.builder();
    b.host(s.text("host", "[A-Za-z0-9.:\\[\\]-]+", "a host name or address"));
    b.port(s.integer("port", 6001, 1, 65535));
    b.tls(s.bool("tls", false));
    b.poolSize(s.integer("poolSize", 2, 1, 32));
    b.connectTimeout(Duration.ofSeconds(s.integer("connectTimeoutSeconds", 5, 1, 300)));
    b.readTimeout(Duration.ofSeconds(s.integer("readTimeoutSeconds", 10, 1, 300)));
    b.messageTerminator(
        s.oneOf("terminator", "cr", "cr", "crlf").equals("cr")
            ? Sip2Terminator.CR
            : Sip2Terminator.CRLF);
    b.fieldDelimiter(
        s.optionalText(
                "fieldDelimiter", "[!-/:-@\\[-`{-~]", "one punctuation character, '|' by default")
            .orElse("|")
            .charAt(0));
    String charset = s.oneOf("charset", "utf-8", "utf-8", "shift_jis", "ibm850");
    b.charset(java.nio.charset.Charset.forName(charset));
    b.institutionId(s.text("institutionId", "[^|\\r\\n]{1,64}", "1-64 characters, no '|'"));
    b.locationCode(
        s.optionalText("locationCode", "[^|\\r\\n]{0,64}", "0-64 characters, no '|'").orElse(""));
    Optional<String> user = s.optionalText("loginUser", "[^|\\r\\n]{1,64}", "1-64 characters");
    Optional<String> password = s.optionalSecret("loginPassword");
    if (user.isPresent()) {
      b.login(user.get(), password.orElse(""));
    }
    b.terminalPassword(s.optionalSecret("terminalPassword").orElse(""));
    String zone =
        s.optionalText("timeZone", ".+", "a zone id such as Asia/Tokyo").orElse("Asia/Tokyo");
    try {
      b.timeZone(ZoneId.of(zone));
    } catch (java.time.DateTimeException e) {
      throw s.error("timeZone", "'" + zone + "'", "a zone id such as Asia/Tokyo");
    }
    b.errorDetection(s.bool("errorDetection", true));
    s.refuseUnknownKeys();
    try {
      return b.build();
    } catch (Sip2SettingsException e) {
      throw s.error(e.setting(), "(see message)", e.getMessage());
    }
  }
}
