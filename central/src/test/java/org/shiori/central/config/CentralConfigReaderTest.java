package org.shiori.central.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig.Connector;
import org.shiori.central.config.CentralConfig.DatabaseKind;

class CentralConfigReaderTest {
  private static final Path FILE = Path.of("/etc/shiori/central.yaml");

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
    CentralConfig c =
        CentralConfigReader.parse(
            FILE,
            """
            tenant: example-city
            instanceId: central-1
            broker:
              url: tcp://127.0.0.1:1883
            database:
              kind: sqlite
              file: central.db
            """);
    assertThat(c.tenant()).isEqualTo("example-city");
    assertThat(c.database().kind()).isEqualTo(DatabaseKind.SQLITE);
    assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:sqlite:/etc/shiori/central.db");
    assertThat(c.ils().connector()).isEqualTo(Connector.STANDALONE);
    assertThat(c.ingest().workers()).isEqualTo(4);
    assertThat(c.sync().snapshotChunk()).isEqualTo(200);
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

  @Test
  void theLoansSectionReadsTheTenantKeyOnlyFromAFileNoOneElseCanRead(@TempDir Path dir)
      throws Exception {
    Path key = dir.resolve("tenant.key");
    Files.write(key, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    String yaml =
        """
        tenant: example-city
        instanceId: central-1
        broker:
          url: tcp://127.0.0.1:1883
        database:
          kind: sqlite
          file: c.db
        loans:
          tenantKeyFile: %s
          requestsPerMinute: 12
        """
            .formatted(key);
    CentralConfig c = CentralConfigReader.parse(FILE, yaml);
    assertThat(c.loans().tenantKey()).isPresent();
    assertThat(c.loans().requestsPerMinute()).isEqualTo(12);
    assertThat(c.loans().policy()).isEqualTo("matsuyama");
    assertThat(c.loans().toString()).doesNotContain("0123456789abcdef");

    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    CentralConfigException e = error(yaml);
    assertThat(e.field()).isEqualTo("loans.tenantKeyFile");
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.allowed()).contains("mode 0600");
    assertThat(e.getMessage()).doesNotContain("0123456789abcdef");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));

    assertThat(
            CentralConfigReader.parse(FILE, yaml.replaceAll("(?m)^  tenantKeyFile.*\\n", ""))
                .loans()
                .tenantKey())
        .isEmpty();
    assertThat(error(yaml.replace("requestsPerMinute: 12", "requestsPerMinute: 0")).field())
        .isEqualTo("loans.requestsPerMinute");
    assertThat(error(yaml.replace("requestsPerMinute: 12", "policy: nowhere")).field())
        .isEqualTo("loans.policy");
  }
}
