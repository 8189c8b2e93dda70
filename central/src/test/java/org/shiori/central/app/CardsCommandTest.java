package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.store.CentralDatabase;
import org.shiori.circulation.privacy.CardHasher;
import picocli.CommandLine;

/** {@code central cards import}: card numbers hashed at import, never stored or printed. */
class CardsCommandTest {
  static final String KEY = "tenant-key-for-tests-0123456789";
  static final String CARD_1 = "2010000123456";
  static final String CARD_2 = "2010000654321";

  @TempDir Path dir;
  Path config;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void writeConfig() throws Exception {
    Path key = dir.resolve("tenant.key");
    Files.writeString(key, KEY, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    config = dir.resolve("central.yaml");
    Files.writeString(
        config,
        """
        tenant: example-city
        instanceId: central-1
        broker:
          url: tcp://127.0.0.1:1883
        database:
          kind: sqlite
          file: central.db
        privacy:
          tenantKeyFile: tenant.key
        """);
  }

  int run(String... args) {
    return new CommandLine(new CentralCommand())
        .setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true))
        .execute(args);
  }

  Path csv(String text) throws Exception {
    Path f = dir.resolve("cards.csv");
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  List<String> patronKeys() {
    try (CentralDatabase db =
        CentralDatabase.open(CentralConfig.Database.sqlite(dir.resolve("central.db")))) {
      return db.inTransaction(
          c -> {
            List<String> keys = new ArrayList<>();
            try (var s = c.prepareStatement("SELECT patron_key FROM patrons ORDER BY patron_key");
                var r = s.executeQuery()) {
              while (r.next()) {
                keys.add(r.getString(1));
              }
            }
            return keys;
          });
    }
  }

  @Test
  void loadsPatronRecordsUnderTheHashedCardNumber() throws Exception {
    Path file =
        csv(
            "cardNumber,category,expiry,homeBranch\n"
                + CARD_1
                + ",individual,2027-03-31,main\n"
                + CARD_2
                + ",child,2028/03/31,kita\n");
    assertThat(run("cards", "import", "--config", config.toString(), file.toString())).isZero();
    CardHasher hasher = new CardHasher(KEY.getBytes(StandardCharsets.US_ASCII));
    assertThat(patronKeys())
        .containsExactlyInAnyOrder(hasher.keyOf(CARD_1).value(), hasher.keyOf(CARD_2).value());
    assertThat(out.toString()).contains("2 patron records imported");
    String everything =
        out
            + err.toString()
            + new String(Files.readAllBytes(dir.resolve("central.db")), "ISO-8859-1");
    assertThat(everything).doesNotContain(CARD_1).doesNotContain(CARD_2);
  }

  @Test
  void withTheSip2ConnectorTheCardNumberIsKeptBesideItsKeyForFieldAa_P_MIN_1() throws Exception {
    Files.writeString(
        config,
        Files.readString(config)
            + """
            ils:
              connector: sip2
              sip2:
                host: 127.0.0.1
                port: 6001
                institutionId: EXAMPLE
            """);
    Path file = csv("cardNumber,category,expiry,homeBranch\n" + CARD_1 + ",x,2027-03-31,main\n");
    assertThat(run("cards", "import", "--config", config.toString(), file.toString())).isZero();
    CardHasher hasher = new CardHasher(KEY.getBytes(StandardCharsets.US_ASCII));
    try (CentralDatabase db =
        CentralDatabase.open(CentralConfig.Database.sqlite(dir.resolve("central.db")))) {
      java.util.Optional<String> kept =
          db.inTransaction(
              c -> org.shiori.central.forward.PatronCards.cardOf(c, hasher.keyOf(CARD_1)));
      assertThat(kept).contains(CARD_1);
    }
    assertThat(out.toString()).contains("kept for the SIP2 connector").doesNotContain(CARD_1);
  }

  @Test
  void aBadRowImportsNothingAndSaysWhereAndWhatIsAllowed() throws Exception {
    Path file =
        csv(
            "cardNumber,category,expiry,homeBranch\n"
                + CARD_1
                + ",individual,2027-03-31,main\n"
                + CARD_2
                + ",child,31.03.2028,kita\n");
    assertThat(run("cards", "import", "--config", config.toString(), file.toString()))
        .isEqualTo(CentralCommand.INPUT_ERROR);
    assertThat(err.toString())
        .contains("cards.csv:3")
        .contains("expiry")
        .contains("31.03.2028")
        .contains("allowed");
    assertThat(patronKeys()).isEmpty();
  }

  @Test
  void aBadCardNumberIsReportedWithoutShowingIt() throws Exception {
    String hostile = "2010-0001'; DROP TABLE patrons;--";
    Path file =
        csv("cardNumber,category,expiry,homeBranch\n\"" + hostile + "\",x,2027-03-31,main\n");
    assertThat(run("cards", "import", "--config", config.toString(), file.toString()))
        .isEqualTo(CentralCommand.INPUT_ERROR);
    assertThat(err.toString())
        .contains("cards.csv:2")
        .contains("cardNumber")
        .doesNotContain(hostile);
    assertThat(patronKeys()).isEmpty();
  }

  @Test
  void withoutATenantKeyNothingIsImported() throws Exception {
    Files.writeString(config, Files.readString(config).replaceAll("privacy:\\n.*\\n", ""));
    Path file = csv("cardNumber,category,expiry,homeBranch\n" + CARD_1 + ",x,2027-03-31,main\n");
    assertThat(run("cards", "import", "--config", config.toString(), file.toString()))
        .isEqualTo(CentralCommand.CONFIG_ERROR);
    assertThat(err.toString()).contains("privacy.tenantKeyFile");
  }
}
