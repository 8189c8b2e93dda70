package org.shiori.central.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.ils.fileimport.ImportDelta;
import org.shiori.central.ils.sip2.Sip2Settings;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.privacy.CardHasher;

/**
 * The file import as {@code bin/central run} runs it (the file-import connector, or the data sets
 * beside the sip2 connector): its last import kept in central's database, diffed into deltas, on
 * SQLite ({@link SqliteFileImportJobTest}) and PostgreSQL ({@link PostgresqlFileImportJobTest}).
 */
abstract class FileImportJobContractTest {
  static final String TENANT = "example-city";
  static final String CARD = "2010000123456";

  @TempDir Path dir;
  CentralConfig.Database database;
  CentralConfig config;
  CentralService central;

  abstract CentralConfig.Database database() throws Exception;

  abstract void drop(CentralConfig.Database db);

  @BeforeEach
  void open() throws Exception {
    database = database();
    Path key = dir.resolve("tenant.key");
    Files.writeString(key, "tenant-key-for-tests-0123456789", StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    config = config(CentralConfig.Connector.FILE_IMPORT, Optional.empty());
    writeExports(
        "itemId,title,material,homeBranch,status\n"
            + "1001,吾輩は猫である,book,main,AVAILABLE\n"
            + "1002,坊っちゃん,book,main,AVAILABLE\n",
        "cardNumber,category,expiry,homeBranch\n" + CARD + ",individual,2027-03-31,main\n",
        "itemId,cardNumber,pickupBranch\n");
    central = CentralService.open(config, Clock.systemUTC());
  }

  CentralConfig config(CentralConfig.Connector connector, Optional<Sip2Settings> sip2) {
    return new CentralConfig(
        TENANT,
        "central-1",
        new CentralConfig.Broker(
            java.net.URI.create("tcp://127.0.0.1:1"), Optional.empty(), Duration.ofSeconds(30)),
        database,
        new CentralConfig.Ingest(1),
        new CentralConfig.Ils(
            connector,
            sip2,
            Duration.ofSeconds(5),
            Optional.of(
                new CentralConfig.FileImport(
                    dir.resolve("items.csv"),
                    dir.resolve("patrons.csv"),
                    dir.resolve("holds.csv"),
                    dir.resolve("tenant.key"),
                    Duration.ofMinutes(15)))),
        new CentralConfig.Sync(200));
  }

  /** The rows of {@code patron_cards}: key and card number. */
  List<String> cardRows() {
    return central
        .database()
        .inTransaction(
            c -> {
              List<String> out = new ArrayList<>();
              try (var s = c.prepareStatement("SELECT patron_key, card_number FROM patron_cards");
                  var r = s.executeQuery()) {
                while (r.next()) {
                  out.add(r.getString(1) + " " + r.getString(2));
                }
              }
              return out;
            });
  }

  String keyOf(String card) throws Exception {
    return new CardHasher(Files.readAllBytes(dir.resolve("tenant.key"))).keyOf(card).value();
  }

  @AfterEach
  void close() {
    central.close();
    drop(database);
  }

  private int generation;

  void writeExports(String items, String patrons, String holds) throws Exception {
    write("items.csv", items);
    write("patrons.csv", patrons);
    write("holds.csv", holds);
  }

  void write(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    // A change is seen by size or modification time: make the time move even within a second.
    Files.setLastModifiedTime(f, FileTime.fromMillis(1_000_000L + 1000L * ++generation));
  }

  ImportDelta run() {
    return central.fileImport().orElseThrow().runIfChanged().orElseThrow();
  }

  List<String> items() {
    return central
        .database()
        .inTransaction(
            c -> {
              List<String> out = new ArrayList<>();
              for (ItemRecord i :
                  new Datasets(TENANT)
                      .snapshot(c, org.shiori.protocol.Dataset.ITEMS, 200).get(0).upserts().stream()
                          .map(ItemRecord.class::cast)
                          .toList()) {
                out.add(i.itemId() + " " + i.title());
              }
              return out;
            });
  }

  List<String> fingerprintRows() {
    return central
        .database()
        .inTransaction(
            c -> {
              List<String> out = new ArrayList<>();
              try (var s =
                      c.prepareStatement(
                          "SELECT dataset, record_key, fingerprint FROM import_fingerprints");
                  var r = s.executeQuery()) {
                while (r.next()) {
                  out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3));
                }
              }
              return out;
            });
  }

  @Test
  void theFirstImportSendsEverythingAndIsRememberedInTheDatabase() {
    ImportDelta d = run();
    assertThat(d.items().upserts()).hasSize(2);
    assertThat(d.patrons().upserts()).hasSize(1);
    assertThat(items()).containsExactlyInAnyOrder("1001 吾輩は猫である", "1002 坊っちゃん");
    assertThat(fingerprintRows()).hasSize(3);
    assertThat(fingerprintRows()).noneSatisfy(row -> assertThat(row).contains(CARD));
    assertThat(central.fileImport().orElseThrow().runIfChanged())
        .as("nothing changed since")
        .isEmpty();
  }

  @Test
  void aRestartedCentralDiffsAgainstTheStoredImport() throws Exception {
    run();
    central.close();
    central = CentralService.open(config, Clock.systemUTC());
    assertThat(run().isEmpty()).as("the same files after a restart: nothing to send").isTrue();
    write(
        "items.csv",
        "itemId,title,material,homeBranch,status\n" + "1001,吾輩は猫である 新版,book,main,AVAILABLE\n");
    ImportDelta d = run();
    assertThat(d.items().upserts()).extracting(ItemRecord::itemId).containsExactly("1001");
    assertThat(d.items().deletes()).containsExactly("1002");
    assertThat(d.patrons().isEmpty()).isTrue();
    assertThat(items()).containsExactly("1001 吾輩は猫である 新版");
  }

  @Test
  void anImportWithAnErrorChangesNothing() throws Exception {
    run();
    List<String> before = fingerprintRows();
    write(
        "items.csv", "itemId,title,material,homeBranch,status\n" + "1001,吾輩は猫である,book,main,LENT\n");
    assertThat(central.fileImport().orElseThrow().runIfChanged()).isEmpty();
    assertThat(fingerprintRows()).isEqualTo(before);
    assertThat(items()).hasSize(2);
    write(
        "items.csv",
        "itemId,title,material,homeBranch,status\n" + "1001,吾輩は猫である,book,main,ON_LOAN\n");
    assertThat(run().items().deletes()).containsExactly("1002");
  }

  @Test
  void withoutSip2NoCardNumberIsKept() {
    run();
    assertThat(cardRows()).isEmpty();
  }

  /**
   * SIP2 forwards the circulation and the exports feed the devices' data sets; the card numbers
   * stay at central for field AA only, and leave with their patron (P-ERASE-1).
   */
  @Test
  void withSip2TheImportKeepsEachCardNumberForFieldAaAndErasesItWithThePatron() throws Exception {
    central.close();
    config =
        config(
            CentralConfig.Connector.SIP2,
            Optional.of(
                Sip2Settings.builder().host("127.0.0.1").port(1).institutionId("EXAMPLE").build()));
    central = CentralService.open(config, Clock.systemUTC());
    ImportDelta first = run();
    assertThat(first.items().upserts()).hasSize(2);
    assertThat(cardRows()).containsExactly(keyOf(CARD) + " " + CARD);

    String other = "2010000999999";
    write(
        "patrons.csv",
        "cardNumber,category,expiry,homeBranch\n" + other + ",individual,2027-03-31,main\n");
    run();
    assertThat(cardRows()).containsExactly(keyOf(other) + " " + other);
  }

  /** Deltas sent before the broker is reached would be lost to the devices that hold data. */
  @Test
  void theFirstImportWaitsUntilTheBrokerIsReached() throws Exception {
    java.util.concurrent.atomic.AtomicBoolean linkUp =
        new java.util.concurrent.atomic.AtomicBoolean();
    central.fileImport().orElseThrow().start(linkUp::get);
    Thread.sleep(700);
    assertThat(items()).as("nothing imported while the broker is not reached").isEmpty();
    linkUp.set(true);
    org.shiori.testkit.Conditions.await(
        Duration.ofSeconds(10), () -> items().size() == 2, () -> "items " + items());
  }
}
