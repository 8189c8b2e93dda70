package org.shiori.demo;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shiori.central.app.CentralService;
import org.shiori.central.config.CentralConfig;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.device.app.TenantKeyFile;
import org.shiori.device.messaging.EventPublisher;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.store.SqliteStore;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.kiosk.app.CentralConnection;
import org.shiori.kiosk.app.KioskAssembly;
import org.shiori.kiosk.app.ProductionKiosk;
import org.shiori.kiosk.app.SessionWiring;
import org.shiori.kiosk.receipt.EscPosReceipt;
import org.shiori.kiosk.receipt.ReceiptPrinter;
import org.shiori.kiosk.session.KioskIdentity;
import org.shiori.kiosk.session.KioskSession;
import org.shiori.kiosk.session.OfflineGuard;
import org.shiori.kiosk.session.StaffCards;
import org.shiori.kiosk.web.PatronScreenParts;
import org.shiori.kiosk.web.StaffAccess;
import org.shiori.protocol.Dataset;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.security.SecurityMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole kiosk in one process: every part is the real one (driver, store, broker client, rules,
 * web server) except the reader hardware, which is the FEIG emulator on an in-memory line (or the
 * line the options name). Central is the real central service in the same process, on an SQLite
 * file of its own (in a temporary directory, never under the device's data directory) with the
 * standalone connector: its database is the record of loans. It knows no card numbers; it gets the
 * demo library's patron keys. With {@link DemoOptions#externalCentral()} the demo starts no
 * central: the one on the broker (its own process, its own database and library system) sends the
 * kiosk its data sets and takes its transactions.
 */
public final class DemoKiosk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoKiosk.class);
  static final String TENANT = "matsuyama";
  static final String DEVICE_ID = "kiosk-demo-1";
  static final String BRANCH = "central";
  static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

  /** The demo's staff PIN (a real kiosk takes the hash of its own from ui.staffPinSha256). */
  static final String STAFF_PIN = "2468";

  /**
   * The demo's staff card: scanned at the welcome screen it opens the staff status screen (a real
   * kiosk knows its staff cards by their keys in ui.staffCards). It is no patron card.
   */
  static final String STAFF_CARD = "A9000000001B";

  /** How long the staff status screen stays open untouched, opened by PIN or card. */
  private static final Duration STAFF_OPEN_FOR = Duration.ofSeconds(30);

  private static final Duration SYNC_WAIT = Duration.ofSeconds(20);

  /** Every part started, closed in reverse order of opening. */
  private final KioskAssembly assembly = new KioskAssembly();

  private final Path dataDirectory;
  private URI brokerUrl;
  private String baseUrl;
  private KioskSession session;
  private CentralService central;
  private CardHasher hasher;
  private SqliteStore store;
  private FeigReaderEmulator emulator;

  private DemoKiosk(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Starts the demo; on failure everything started so far is stopped again. */
  public static DemoKiosk start(DemoOptions options) throws IOException, InterruptedException {
    Path data =
        options.dataDirectory().isPresent()
            ? Files.createDirectories(options.dataDirectory().get())
            : Files.createTempDirectory("shiori-demo-");
    DemoKiosk kiosk = new DemoKiosk(data);
    try {
      kiosk.open(options);
      return kiosk;
    } catch (IOException | InterruptedException | RuntimeException e) {
      kiosk.close();
      throw e;
    }
  }

  private void open(DemoOptions options) throws IOException, InterruptedException {
    byte[] tenantKey = TenantKeyFile.readOrCreate(dataDirectory.resolve("tenant.key"));
    hasher = new CardHasher(tenantKey);
    DemoLibrary library = DemoLibrary.create(hasher, LocalDate.now(options.clock().withZone(ZONE)));
    brokerUrl = options.broker().orElseGet(this::startEmbeddedBroker);

    central = options.externalCentral() ? null : startCentral(library, options, tenantKey);
    store =
        remember(
            SqliteStore.open(
                dataDirectory.resolve(ProductionKiosk.DATABASE_FILE), 10_000, options.clock()));
    CentralConnection toCentral =
        assembly.connect(
            MqttLinkSettings.device(brokerUrl, TENANT, DEVICE_ID, Optional.empty()),
            store,
            options.clock());
    toCentral.link().start();
    awaitFirstSync();

    SecurityMode security = SecurityMode.ISO_AFI;
    CirculationPolicy policy = ShippedPolicies.load(TENANT, ZONE);
    DemoPad pad = new DemoPad(library, security);
    ReaderLine line = remember(options.readerLine().orElseGet(ReaderLine::inMemory));
    emulator = remember(new FeigReaderEmulator(line.device(), pad.field(), 0xFF));
    emulator.start();
    FeigReader reader = remember(new FeigReader(line.host(), 0xFF));

    session =
        assembly.startSession(
            new SessionWiring(
                    new KioskIdentity(TENANT, DEVICE_ID, BRANCH, ZONE),
                    policy,
                    store,
                    reader,
                    security,
                    hasher,
                    new OfflineGuard.Limits(5, Duration.ofHours(24), Duration.ofHours(48)),
                    toCentral)
                .withStaffCards(new StaffCards(Set.of(hasher.keyOf(STAFF_CARD)), STAFF_OPEN_FOR)),
            options.clock());

    SimulatorApi simulator =
        new SimulatorApi(library, pad, session, Optional.ofNullable(central), security);
    EventPublisher events = remember(new EventPublisher(toCentral.link(), options.clock()));
    DemoPrinter printer = new DemoPrinter();
    DemoDevices devices = new DemoDevices(emulator, pad, printer);
    PatronScreenParts basic = assembly.basicScreen(options.clock(), events::helpRequested);
    PatronScreenParts screen =
        new PatronScreenParts(
            basic.texts(),
            options.clock(),
            day -> policy.calendar(BRANCH).hoursOn(day).map(Object::toString),
            basic.readerAnswering(),
            basic.unreadableTags(),
            basic.helpRequested(),
            Optional.of(
                new ReceiptPrinter(
                    printer,
                    new EscPosReceipt(basic.texts()),
                    state -> events.printerProblem(state.name()))),
            new StaffAccess(
                Optional.of(StaffAccess.hashOf(STAFF_PIN)),
                () -> demoStaffStatus(),
                STAFF_OPEN_FOR));
    int port =
        assembly.servePatronScreen(
            session,
            screen,
            List.of(simulator::register, devices::register),
            options.host(),
            options.port());
    baseUrl = "http://" + options.host() + ":" + port;
    LOG.info("demo kiosk ready at {}", baseUrl);
  }

  /** The staff status of the demo: what the production kiosk shows, from the demo's parts. */
  private java.util.Map<String, Object> demoStaffStatus() {
    java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>();
    shown.put("reader", "OK");
    shown.put("broker", session.view().offline() ? "OFFLINE" : "ONLINE");
    shown.put("outboxPending", store.pendingCount());
    shown.put("lastSync", store.lastSyncAt(Dataset.ITEMS).map(Object::toString).orElse(null));
    shown.put("rejections", store.rejections().size());
    return shown;
  }

  private URI startEmbeddedBroker() {
    try {
      return remember(new DemoBroker(Files.createTempDirectory("shiori-demo-broker-")))
          .start()
          .url();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot start the demo broker", e);
    }
  }

  private CentralService startCentral(DemoLibrary library, DemoOptions options, byte[] tenantKey)
      throws IOException {
    return remember(
            DemoCentral.start(
                TENANT,
                brokerUrl,
                options.clock(),
                // The kiosk's own tenant key: central checks the card behind a loans or renewal
                // request against the patron key it names.
                new CentralConfig.Loans(Optional.of(tenantKey), 60, TENANT, ZONE),
                service -> {
                  library.patrons().forEach(p -> service.library().putPatron(p.snapshot()));
                  library.items().forEach(service.library()::putItem);
                  library.holds().forEach(service.library()::putHold);
                }))
        .service();
  }

  /** The demo opens once the first snapshots are in; a kiosk without a catalog lends nothing. */
  private void awaitFirstSync() throws InterruptedException {
    long deadline = System.nanoTime() + SYNC_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (store.appliedSequence(Dataset.ITEMS) > 0 && store.appliedSequence(Dataset.PATRONS) > 0) {
        return;
      }
      // An external central answers the kiosk's own resync requests.
      if (central != null) {
        central.sync().broadcastSnapshots();
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("no snapshot from central within " + SYNC_WAIT);
  }

  private <T extends AutoCloseable> T remember(T part) {
    return assembly.remember(part);
  }

  /** The emulated reader on the pad, for benchmarks that set its pacing or read its model. */
  public FeigReaderEmulator readerEmulator() {
    return emulator;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public URI brokerUrl() {
    return brokerUrl;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public KioskSession session() {
    return session;
  }

  /** The patron key of a demo card, as the kiosk and central compute it. */
  public PatronKey patronKeyOf(String cardNumber) {
    return hasher.keyOf(cardNumber);
  }

  /** The demo's own central; none when it runs with an external one. */
  public CentralService central() {
    if (central == null) {
      throw new IllegalStateException("the demo runs with an external central");
    }
    return central;
  }

  public SqliteStore store() {
    return store;
  }

  @Override
  public void close() {
    assembly.close();
  }
}
