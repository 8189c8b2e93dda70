package org.shiori.central.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.shiori.central.config.CentralConfig.Connector;
import org.shiori.central.config.CentralConfig.DatabaseKind;

class CentralConfigReaderTest {
  private static final Path FILE = Path.of("/etc/shiori/central.yaml");

  /** The smallest valid configuration: SQLite, standalone; tests add their sections after it. */
  private static final String SQLITE =
      """
      tenant: example-city
      instanceId: central-1
      broker:
        url: tcp://127.0.0.1:1883
      database:
        kind: sqlite
        file: central.db
      """;

  private static CentralConfigException error(String yaml) {
    try {
      CentralConfigReader.parse(FILE, yaml);
    } catch (CentralConfigException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @Test
  void readsAnSqliteStandaloneConfiguration() throws Exception {
    CentralConfig c = CentralConfigReader.parse(FILE, SQLITE);
    assertThat(c.tenant()).isEqualTo("example-city");
    assertThat(c.database().kind()).isEqualTo(DatabaseKind.SQLITE);
    assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:sqlite:/etc/shiori/central.db");
    assertThat(c.ils().connector()).isEqualTo(Connector.STANDALONE);
    assertThat(c.ingest().workers()).isEqualTo(4);
    assertThat(c.sync().snapshotChunk()).isEqualTo(200);
    assertThat(c.retention()).isEqualTo(CentralConfig.Retention.DEFAULT);
  }

  @Test
  void retentionIsReadAndBounded() throws Exception {
    String head = SQLITE + "retention:\n";
    CentralConfig c =
        CentralConfigReader.parse(FILE, head + "  transactionsDays: 30\n  eventsDays: 730\n");
    assertThat(c.retention().transactions()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(c.retention().events()).isEqualTo(java.time.Duration.ofDays(730));
    assertThat(c.retention().rejections()).isEqualTo(java.time.Duration.ofDays(365));
    CentralConfigException e = error(head + "  transactionsDays: 0\n");
    assertThat(e.getMessage()).contains("transactionsDays").contains("0");
  }

  @Test
  void readsAPostgresqlSip2Configuration() throws Exception {
    CentralConfig c =
        CentralConfigReader.parse(
            FILE,
            """
            tenant: example-city
            instanceId: central-2
            broker:
              url: tcp://127.0.0.1:1883
            database:
              kind: postgresql
              url: jdbc:postgresql://127.0.0.1:5432/shiori
              user: shiori
              poolSize: 4
            ils:
              connector: sip2
              sip2:
                host: 127.0.0.1
                port: 6001
                institutionId: EXAMPLE
                charset: shift_jis
                terminator: crlf
            """);
    assertThat(c.database().poolSize()).isEqualTo(4);
    assertThat(c.ils().sip2().orElseThrow().charset().name()).isEqualTo("Shift_JIS");
    assertThat(c.ils().sip2().orElseThrow().institutionId()).isEqualTo("EXAMPLE");
  }

  @Test
  void aWrongValueNamesFileLineFieldValueAndWhatIsAllowed() {
    CentralConfigException e =
        error(
            """
            tenant: example-city
            instanceId: central-1
            broker:
              url: tcp://127.0.0.1:1883
            database:
              kind: mysql
            """);
    assertThat(e.file()).isEqualTo(FILE);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.field()).isEqualTo("database.kind");
    assertThat(e.value()).isEqualTo("'mysql'");
    assertThat(e.allowed()).isEqualTo("one of postgresql, sqlite");
    assertThat(e.getMessage())
        .isEqualTo(
            "/etc/shiori/central.yaml:6: field 'database.kind' = 'mysql' is not allowed;"
                + " allowed: one of postgresql, sqlite");
  }

  @Test
  void aMisspeltKeyIsAnErrorNotAnIgnoredDefault() {
    CentralConfigException e =
        error(
            """
            tenant: example-city
            instanceId: central-1
            broker:
              url: tcp://127.0.0.1:1883
            database:
              kind: sqlite
              file: c.db
            ingest:
              wokers: 8
            """);
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.field()).isEqualTo("ingest.wokers");
    assertThat(e.allowed()).contains("workers");
  }

  @Test
  void plainTcpToAnotherMachineIsRefused_P_TLS_1() {
    CentralConfigException e =
        error(
            """
            tenant: example-city
            instanceId: central-1
            broker:
              url: tcp://broker.example:1883
            database:
              kind: sqlite
              file: c.db
            """);
    assertThat(e.field()).isEqualTo("broker.url");
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.allowed()).contains("P-TLS-1");
  }

  @Test
  void numbersOutOfRangeAndMissingSectionsAreNamed() {
    assertThat(
            error(
                    """
                    tenant: t
                    instanceId: c
                    broker:
                      url: tcp://127.0.0.1:1883
                    database:
                      kind: postgresql
                      url: jdbc:postgresql://127.0.0.1/x
                      user: u
                      poolSize: 1000
                    """)
                .allowed())
        .isEqualTo("a whole number from 2 to 100");
    CentralConfigException sip2 =
        error(
            """
            tenant: t
            instanceId: c
            broker:
              url: tcp://127.0.0.1:1883
            database:
              kind: sqlite
              file: c.db
            ils:
              connector: sip2
            """);
    assertThat(sip2.field()).isEqualTo("ils.sip2");
    assertThat(sip2.value()).isEqualTo("(missing)");
  }

  @Test
  void aDuplicateKeyIsRefused() {
    CentralConfigException e =
        error(
            """
            tenant: a
            tenant: b
            """);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.value()).isEqualTo("(written twice)");
  }

  @Test
  void aSecretIsNeverShown() {
    CentralConfigException e =
        error(
            """
            tenant: t
            instanceId: c
            broker:
              url: tcp://127.0.0.1:1883
            database:
              kind: sqlite
              file: c.db
            ils:
              connector: sip2
              sip2:
                host: 127.0.0.1
                institutionId: X
                loginUser: u
                loginPassword: [s3cret]
            """);
    assertThat(e.field()).isEqualTo("ils.sip2.loginPassword");
    assertThat(e.getMessage()).doesNotContain("s3cret");
  }

  @org.junit.jupiter.api.io.TempDir Path dir;

  /** A configuration with a tenant key file and this {@code ils} section (indented by two). */
  private CentralConfig withTenantKeyAndIls(String ils) throws Exception {
    Path key = dir.resolve("tenant.key");
    java.nio.file.Files.writeString(key, "0123456789abcdef0123");
    return CentralConfigReader.parse(
        FILE, SQLITE + "privacy:\n  tenantKeyFile: " + key + "\nils:\n" + ils);
  }

  @Test
  void readsAFileImportConfiguration() throws Exception {
    CentralConfig c =
        withTenantKeyAndIls(
            """
              connector: file-import
              fileImport:
                items: export/items.csv
                patrons: export/patrons.tsv
                holds: export/holds.csv
                everyMinutes: 30
            """);
    assertThat(c.ils().connector()).isEqualTo(Connector.FILE_IMPORT);
    assertThat(c.ils().forwards()).isFalse();
    CentralConfig.FileImport f = c.ils().fileImport().orElseThrow();
    assertThat(f.items()).isEqualTo(Path.of("/etc/shiori/export/items.csv"));
    assertThat(f.tenantKeyFile()).isEqualTo(dir.resolve("tenant.key"));
    assertThat(c.tenantKeyFile()).contains(dir.resolve("tenant.key"));
    assertThat(f.every()).isEqualTo(java.time.Duration.ofMinutes(30));
  }

  @Test
  void theSip2ConnectorTakesItsDataSetsFromTheExportsWhenAFileImportIsGiven() throws Exception {
    CentralConfig c =
        withTenantKeyAndIls(
            """
              connector: sip2
              sip2:
                host: 127.0.0.1
                institutionId: EXAMPLE
              fileImport:
                items: export/items.csv
                patrons: export/patrons.csv
                holds: export/holds.csv
            """);
    assertThat(c.ils().forwards()).isTrue();
    assertThat(c.ils().fileImport().orElseThrow().patrons())
        .isEqualTo(Path.of("/etc/shiori/export/patrons.csv"));
    assertThat(c.ils().fileImport().orElseThrow().every())
        .isEqualTo(java.time.Duration.ofMinutes(15));
  }

  @Test
  void aFileImportWithoutItsSectionOrKeyIsRefused() {
    String head = SQLITE + "ils:\n";
    assertThat(error(head + "  connector: file-import\n").getMessage())
        .contains("fileImport")
        .contains("(missing)");
    assertThat(
            error(
                    head
                        + "  connector: file-import\n  fileImport:\n    items: a.csv\n"
                        + "    patrons: b.csv\n    holds: c.csv\n")
                .getMessage())
        .contains("privacy.tenantKeyFile");
    assertThat(
            error(head.replace("ils:\n", "privacy:\n  tenantKeyFile: /nonexistent/tenant.key\n"))
                .getMessage())
        .contains("tenantKeyFile")
        .contains("/nonexistent/tenant.key")
        .contains("the tenant key");
    assertThat(
            error(head + "  connector: standalone\n  fileImport:\n    items: a.csv\n").getMessage())
        .contains("no fileImport section with connector standalone");
  }

  @Test
  void theLoansSectionSetsTheRateAndRulesAndTheProofUsesThePrivacyTenantKey(
      @org.junit.jupiter.api.io.TempDir Path keys) throws Exception {
    Path key = keys.resolve("tenant.key");
    java.nio.file.Files.writeString(key, "0123456789abcdef0123456789abcdef");
    String yaml =
        """
        tenant: example-city
        instanceId: central-1
        broker:
          url: tcp://127.0.0.1:1883
        database:
          kind: sqlite
          file: c.db
        privacy:
          tenantKeyFile: %s
        loans:
          requestsPerMinute: 12
        """
            .formatted(key);
    CentralConfig c = CentralConfigReader.parse(FILE, yaml);
    assertThat(c.tenantKeyFile()).contains(key);
    assertThat(c.loans().tenantKey()).isEmpty(); // read by central when it opens
    assertThat(c.loans().requestsPerMinute()).isEqualTo(12);
    assertThat(c.loans().policy()).isEqualTo("matsuyama");
    assertThat(c.loans().toString()).doesNotContain("0123456789abcdef");

    assertThat(error(yaml.replace("requestsPerMinute: 12", "requestsPerMinute: 0")).field())
        .isEqualTo("loans.requestsPerMinute");
    assertThat(error(yaml.replace("requestsPerMinute: 12", "policy: nowhere")).field())
        .isEqualTo("loans.policy");
    CentralConfigException e = error(yaml.replace("requestsPerMinute: 12", "tenantKeyFile: x"));
    assertThat(e.field()).isEqualTo("loans.tenantKeyFile");
  }
}
