package org.shiori.central.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.shiori.central.ils.sip2.Sip2Settings;

/**
 * Everything {@code bin/central run} needs, read from one YAML file by {@link CentralConfigReader}.
 * Immutable.
 *
 * @param tenant the library system's tenant id, as in the topics
 * @param instanceId this instance's MQTT client id; unique among the central instances
 * @param broker how to reach the MQTT broker
 * @param database central's own database
 * @param ingest how transactions are taken in
 * @param ils which library system the transactions go to
 * @param sync how data sets are sent to the devices
 * @param retention how long central keeps what it no longer needs (docs/privacy.md)
 * @param tenantKeyFile the tenant key card numbers are hashed with (raw bytes, owner-only), for the
 *     file-import connector, the {@code cards import} command and the card proof of loans and
 *     renewal requests
 * @param loans how patrons' loans and renewals are answered at the kiosk
 */
public record CentralConfig(
    String tenant,
    String instanceId,
    Broker broker,
    Database database,
    Ingest ingest,
    Ils ils,
    Sync sync,
    Retention retention,
    Optional<Path> tenantKeyFile,
    Loans loans) {

  public CentralConfig {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(broker, "broker");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(ils, "ils");
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(tenantKeyFile, "tenantKeyFile");
    Objects.requireNonNull(loans, "loans");
  }

  /** Without a {@code loans} section: the default request rate and rules. */
  public CentralConfig(
      String tenant,
      String instanceId,
      Broker broker,
      Database database,
      Ingest ingest,
      Ils ils,
      Sync sync,
      Retention retention,
      Optional<Path> tenantKeyFile) {
    this(
        tenant,
        instanceId,
        broker,
        database,
        ingest,
        ils,
        sync,
        retention,
        tenantKeyFile,
        Loans.DEFAULT);
  }

  /** With the default retention and the given loans settings (the demo, tests). */
  public CentralConfig(
      String tenant,
      String instanceId,
      Broker broker,
      Database database,
      Ingest ingest,
      Ils ils,
      Sync sync,
      Loans loans) {
    this(
        tenant,
        instanceId,
        broker,
        database,
        ingest,
        ils,
        sync,
        Retention.DEFAULT,
        ils.fileImport().map(FileImport::tenantKeyFile),
        loans);
  }

  /** With the default retention. */
  public CentralConfig(
      String tenant,
      String instanceId,
      Broker broker,
      Database database,
      Ingest ingest,
      Ils ils,
      Sync sync) {
    this(tenant, instanceId, broker, database, ingest, ils, sync, Loans.DEFAULT);
  }

  /**
   * Patrons' loans and renewals asked from a kiosk, with the card as proof (docs/mqtt.md).
   *
   * @param tenantKey the tenant key the devices hash card numbers with, given in code (the demo,
   *     tests); empty: central reads {@code privacy.tenantKeyFile}, and without one no loans or
   *     renewals are answered ({@code NOT_AVAILABLE}); never logged
   * @param requestsPerMinute how many loans and renewal requests one device may send a minute
   * @param policy the circulation policy renewals are decided by (a shipped name or a file)
   * @param zone the library's time zone for the rules
   */
  public record Loans(
      Optional<byte[]> tenantKey, int requestsPerMinute, String policy, java.time.ZoneId zone) {
    public Loans {
      Objects.requireNonNull(tenantKey, "tenantKey");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(zone, "zone");
      tenantKey = tenantKey.map(byte[]::clone);
    }

    /** The default rate and rules; the tenant key from {@code privacy.tenantKeyFile}. */
    public static final Loans DEFAULT =
        new Loans(Optional.empty(), 20, "matsuyama", java.time.ZoneId.of("Asia/Tokyo"));

    /** Loans and renewals answered with this tenant key and the default rules. */
    public static Loans withTenantKey(byte[] tenantKey) {
      return new Loans(Optional.of(tenantKey), 20, "matsuyama", java.time.ZoneId.of("Asia/Tokyo"));
    }

    @Override
    public Optional<byte[]> tenantKey() {
      return tenantKey.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Loans l
          && tenantKey.isPresent() == l.tenantKey.isPresent()
          && (tenantKey.isEmpty() || java.util.Arrays.equals(tenantKey.get(), l.tenantKey.get()))
          && requestsPerMinute == l.requestsPerMinute
          && policy.equals(l.policy)
          && zone.equals(l.zone);
    }

    @Override
    public int hashCode() {
      return Objects.hash(tenantKey.isPresent(), requestsPerMinute, policy, zone);
    }

    /** Never shows the key. */
    @Override
    public String toString() {
      return "Loans[tenantKey="
          + (tenantKey.isPresent() ? "(set)" : "(none)")
          + ", requestsPerMinute="
          + requestsPerMinute
          + ", policy="
          + policy
          + ", zone="
          + zone
          + "]";
    }
  }

  /**
   * @param transactions how long a transaction row is kept after it was received, once no longer
   *     needed (forwarded to the ILS, refused, or never to be forwarded); pending and held ones
   *     stay
   * @param events how long staff events are kept
   * @param rejections how long rejection records are kept
   */
  public record Retention(Duration transactions, Duration events, Duration rejections) {
    public static final Retention DEFAULT =
        new Retention(Duration.ofDays(90), Duration.ofDays(365), Duration.ofDays(365));

    public Retention {
      Objects.requireNonNull(transactions, "transactions");
      Objects.requireNonNull(events, "events");
      Objects.requireNonNull(rejections, "rejections");
    }
  }

  /**
   * @param url {@code ssl://host:port}, or {@code tcp://} to a loopback broker only
   * @param tls PEM files of the tenant CA, central's certificate and its PKCS#8 key
   * @param keepAlive MQTT keep-alive
   */
  public record Broker(URI url, Optional<Tls> tls, Duration keepAlive) {
    public Broker {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(keepAlive, "keepAlive");
    }
  }

  /** PEM files for the broker connection. */
  public record Tls(Path caCertificate, Path certificate, Path privateKey) {}

  /** Which database: PostgreSQL in production, an SQLite file for one branch or the demo. */
  public enum DatabaseKind {
    POSTGRESQL,
    SQLITE
  }

  /**
   * @param kind postgresql or sqlite
   * @param jdbcUrl {@code jdbc:postgresql://...} or {@code jdbc:sqlite:FILE}
   * @param user the PostgreSQL user (empty for SQLite)
   * @param password the PostgreSQL password, read from a file; never logged
   * @param poolSize most connections this instance keeps
   */
  public record Database(
      DatabaseKind kind, String jdbcUrl, String user, Optional<String> password, int poolSize) {
    public Database {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    public static Database sqlite(Path file) {
      return new Database(
          DatabaseKind.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), "", Optional.empty(), 1);
    }

    public static Database postgresql(String jdbcUrl, String user, int poolSize) {
      return new Database(DatabaseKind.POSTGRESQL, jdbcUrl, user, Optional.empty(), poolSize);
    }

    @Override
    public String toString() {
      return "Database[" + kind + " " + jdbcUrl + ", user=" + user + ", pool=" + poolSize + "]";
    }
  }

  /**
   * @param workers threads taking transactions in; each device always goes to the same one
   */
  public record Ingest(int workers) {}

  /** Which connector forwards transactions to the library system. */
  public enum Connector {
    /** Central's own database is the record of loans; nothing is forwarded. */
    STANDALONE,
    /** Forwarded to the library system's SIP2 server. */
    SIP2,
    /**
     * The library system's exports (items, patrons, holds) are imported on a schedule; central's
     * database is the record of loans, as with {@link #STANDALONE}.
     */
    FILE_IMPORT
  }

  /**
   * Where the library system's exports are and how often they are looked at (the file-import
   * connector, or the sip2 connector's data sets).
   *
   * @param tenantKeyFile {@code privacy.tenantKeyFile}: the tenant key card numbers are hashed with
   * @param every how often the files are checked; an import runs when one of them changed
   */
  public record FileImport(
      Path items, Path patrons, Path holds, Path tenantKeyFile, Duration every) {
    public FileImport {
      Objects.requireNonNull(items, "items");
      Objects.requireNonNull(patrons, "patrons");
      Objects.requireNonNull(holds, "holds");
      Objects.requireNonNull(tenantKeyFile, "tenantKeyFile");
      Objects.requireNonNull(every, "every");
    }
  }

  /**
   * @param connector standalone, sip2 or file-import
   * @param sip2 the SIP2 server, for the sip2 connector
   * @param fileImport the exports: required for the file-import connector, optional for sip2 (the
   *     devices' data sets from the library system's exports), none for standalone
   * @param retryEvery how long the forwarder waits after the ILS could not be reached
   */
  public record Ils(
      Connector connector,
      Optional<Sip2Settings> sip2,
      Duration retryEvery,
      Optional<FileImport> fileImport) {
    public Ils {
      Objects.requireNonNull(connector, "connector");
      Objects.requireNonNull(sip2, "sip2");
      Objects.requireNonNull(retryEvery, "retryEvery");
      Objects.requireNonNull(fileImport, "fileImport");
      if ((connector == Connector.SIP2) != sip2.isPresent()) {
        throw new IllegalArgumentException("SIP2 settings iff the sip2 connector");
      }
      // SIP2 forwards the circulation; the library system's exports may feed the data sets.
      if (connector == Connector.FILE_IMPORT && fileImport.isEmpty()) {
        throw new IllegalArgumentException("the file-import connector needs its file settings");
      }
      if (connector == Connector.STANDALONE && fileImport.isPresent()) {
        throw new IllegalArgumentException("no file import with the standalone connector");
      }
    }

    public Ils(Connector connector, Optional<Sip2Settings> sip2, Duration retryEvery) {
      this(connector, sip2, retryEvery, Optional.empty());
    }

    /** Whether transactions go on to a library system after central. */
    public boolean forwards() {
      return connector == Connector.SIP2;
    }

    public static Ils standalone() {
      return new Ils(Connector.STANDALONE, Optional.empty(), Duration.ofSeconds(5));
    }
  }

  /**
   * @param snapshotChunk records per snapshot message
   */
  public record Sync(int snapshotChunk) {}
}
