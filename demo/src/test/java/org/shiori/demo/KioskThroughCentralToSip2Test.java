package org.shiori.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.ils.sip2.FakeSip2Server;
import org.shiori.central.ils.sip2.Sip2Command;
import org.shiori.central.ils.sip2.Sip2Message;
import org.shiori.central.store.TestDatabases;
import org.shiori.central.testing.CentralProcess;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.app.TenantKeyFile;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.Required;
import org.shiori.testkit.SecretFile;

/**
 * Issue 12's acceptance as a library would run it: {@code central run --config FILE} in a process
 * of its own on PostgreSQL, with the SIP2 connector pointed at the fake SIP2 server and the
 * devices' data sets from the library system's exports; a real kiosk (the demo's, with no central
 * of its own) on the same Mosquitto. A checkout at the kiosk arrives at the library system as an 11
 * with the card number, the item and the institution, a return as a 09, and the kiosk's outbox
 * drains to 0.
 */
class KioskThroughCentralToSip2Test {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Tuesday 1 June 2027, 10:00 in Tokyo: the central library is open. */
  private static final Instant LENDING_DAY = Instant.parse("2027-06-01T01:00:00Z");

  private static final Duration WAIT = Duration.ofSeconds(40);
  private static final String INSTITUTION = "MATSUYAMA";

  @TempDir Path dir;
  private MosquittoBroker broker;
  private CentralConfig.Database database;
  private FakeSip2Server ils;
  private CentralProcess central;
  private DemoKiosk kiosk;
  private SimClient sim;
  private DemoLibrary.DemoPatron patron;
  private ItemRecord book;

  @BeforeEach
  void start() throws Exception {
    Required.part(MosquittoBroker.installed(), "mosquitto (apt-get install mosquitto)");
    broker = MosquittoBroker.plain(DemoKiosk.TENANT).start();
    database = TestDatabases.createPostgresql();
    Clock clock = Clock.offset(Clock.system(TOKYO), Duration.between(Instant.now(), LENDING_DAY));

    // The tenant key the kiosk hashes cards with, and central's copy of it.
    Path kioskData = Files.createDirectories(dir.resolve("kiosk"));
    byte[] tenantKey = TenantKeyFile.readOrCreate(kioskData.resolve("tenant.key"));
    Path centralKey = SecretFile.write(dir.resolve("central-tenant.key"), tenantKey);

    DemoLibrary library =
        DemoLibrary.create(new CardHasher(tenantKey), LocalDate.now(clock.withZone(TOKYO)));
    patron = library.patronBySituation("ordinary").orElseThrow();
    book =
        library.items().stream()
            .filter(i -> i.material().equals("book") && i.status() == ItemStatus.AVAILABLE)
            .filter(i -> i.parts() == 1 && i.flags().isEmpty() && i.holdFor().isEmpty())
            .findFirst()
            .orElseThrow();
    writeExports(library.items(), patron);

    ils = FakeSip2Server.builder(Clock.systemUTC()).build().start();
    ils.addItem(book.itemId(), book.title()).addPatron(patron.barcode(), "0000", "x");

    central =
        CentralProcess.start(centralConfig(centralKey), dir.resolve("central.log"))
            .awaitConnected(WAIT);
    // As a library goes live: the exports are in central before the kiosk asks for its data sets
    // (a kiosk that came first would get them as deltas a moment later).
    Conditions.await(
        WAIT, () -> central.output().contains("file import: items +"), () -> centralLog("import"));
    kiosk =
        DemoKiosk.start(
            new DemoOptions(
                "127.0.0.1",
                0,
                Optional.of(kioskData),
                Optional.of(broker.url()),
                clock,
                Optional.empty(),
                true));
    sim = new SimClient(kiosk.baseUrl());
  }

  @AfterEach
  void stop() throws Exception {
    if (kiosk != null) {
      kiosk.close();
    }
    if (central != null) {
      central.close();
    }
    if (ils != null) {
      ils.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (database != null) {
      TestDatabases.drop(database);
    }
  }

  @Test
  void aCheckoutAtTheKioskArrivesAsAn11AndAReturnAsA09AndTheOutboxDrains() throws Exception {
    String uid = sim.tag(t -> t.get("itemId").asText().equals(book.itemId())).get("uid").asText();
    sim.scan(patron.barcode());
    sim.place(uid);
    assertThat(sim.awaitOutcomes(1, WAIT).get(0).get("result").asText()).isEqualTo("LENT");

    Conditions.await(
        WAIT, () -> ils.received(Sip2Command.CHECKOUT).size() == 1, () -> centralLog("no 11"));
    Sip2Message checkout = ils.received(Sip2Command.CHECKOUT).get(0);
    assertThat(checkout.field("AA")).contains(patron.barcode());
    assertThat(checkout.field("AB")).contains(book.itemId());
    assertThat(checkout.field("AO")).contains(INSTITUTION);
    assertThat(ils.borrowerOf(book.itemId())).contains(patron.barcode());
    Conditions.await(WAIT, () -> kiosk.store().pendingCount() == 0, () -> "outbox not drained");

    sim.finishSessionAndAwaitReturnMode(WAIT);
    sim.place(uid);
    assertThat(sim.awaitOutcomes(1, WAIT).get(0).get("result").asText()).isEqualTo("RETURNED");

    Conditions.await(
        WAIT, () -> ils.received(Sip2Command.CHECKIN).size() == 1, () -> centralLog("no 09"));
    assertThat(ils.received(Sip2Command.CHECKIN).get(0).field("AB")).contains(book.itemId());
    assertThat(ils.borrowerOf(book.itemId())).isEmpty();
    Conditions.await(WAIT, () -> kiosk.store().pendingCount() == 0, () -> "outbox not drained");
    // The demo's simulator has no central to show: this one has its own database.
    assertThat(sim.send("GET", "/sim/api/central", null)).isEqualTo(404);
  }

  private String centralLog(String what) {
    return what + "; central's log:\n" + central.output();
  }

  private Path centralConfig(Path tenantKey) throws Exception {
    String yaml =
        """
        tenant: %s
        instanceId: central-acceptance
        broker:
          url: %s
        database:
          kind: postgresql
          url: %s
          user: %s
          poolSize: 4
        privacy:
          tenantKeyFile: %s
        ils:
          connector: sip2
          retrySeconds: 1
          sip2:
            host: 127.0.0.1
            port: %d
            institutionId: %s
            locationCode: KIOSK1
          fileImport:
            items: exports/items.csv
            patrons: exports/patrons.csv
            holds: exports/holds.csv
        """
            .formatted(
                DemoKiosk.TENANT,
                broker.url(),
                database.jdbcUrl(),
                database.user(),
                tenantKey,
                ils.port(),
                INSTITUTION);
    return Files.writeString(dir.resolve("central.yaml"), yaml, StandardCharsets.UTF_8);
  }

  /** What the library system exports: the demo's items and the one patron of this test. */
  private void writeExports(List<ItemRecord> items, DemoLibrary.DemoPatron who) throws Exception {
    Path exports = Files.createDirectories(dir.resolve("exports"));
    StringBuilder rows = new StringBuilder("itemId,title,material,homeBranch,status,flags,parts\n");
    for (ItemRecord i : items) {
      rows.append(
          String.join(
                  ",",
                  i.itemId(),
                  quoted(i.title()),
                  i.material(),
                  i.homeBranch(),
                  i.status().name(),
                  quoted(i.flags().stream().sorted().collect(Collectors.joining("|"))),
                  Integer.toString(i.parts()))
              + "\n");
    }
    Files.writeString(exports.resolve("items.csv"), rows, StandardCharsets.UTF_8);
    Files.writeString(
        exports.resolve("patrons.csv"),
        "cardNumber,category,expiry,homeBranch\n"
            + String.join(
                ",",
                who.barcode(),
                who.snapshot().category(),
                who.snapshot().expiry().toString(),
                who.snapshot().homeBranch())
            + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        exports.resolve("holds.csv"), "itemId,cardNumber,pickupBranch\n", StandardCharsets.UTF_8);
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
