package org.shiori.kiosk.app;

import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.ProvisionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.CardSettings;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceRole;
import org.shiori.config.reader.ConfiguredReaders;
import org.shiori.device.admin.AdminServer;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.admin.WatchedReader;
import org.shiori.device.app.DeviceSecrets;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.messaging.EventPublisher;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.OnlineQueries;
import org.shiori.device.remote.ManagementSetup;
import org.shiori.device.rules.LiveRules;
import org.shiori.device.rules.RulesUpdates;
import org.shiori.device.store.SqliteStore;
import org.shiori.kiosk.admin.AdminServices;
import org.shiori.kiosk.admin.KioskAdminRoutes;
import org.shiori.kiosk.card.CardInbox;
import org.shiori.kiosk.card.CardSource;
import org.shiori.kiosk.card.EvdevCardScanner;
import org.shiori.kiosk.card.PcscCardReader;
import org.shiori.kiosk.card.SerialCardScanner;
import org.shiori.kiosk.pin.PinGuard;
import org.shiori.kiosk.pin.PinLockouts;
import org.shiori.kiosk.receipt.EscPosReceipt;
import org.shiori.kiosk.receipt.PrinterPort;
import org.shiori.kiosk.receipt.PrinterPorts;
import org.shiori.kiosk.receipt.ReceiptPrinter;
import org.shiori.kiosk.session.KioskIdentity;
import org.shiori.kiosk.session.KioskSession;
import org.shiori.kiosk.session.OfflineGuard;
import org.shiori.kiosk.session.StaffCards;
import org.shiori.kiosk.text.PatronTexts;
import org.shiori.kiosk.web.PatronScreenParts;
import org.shiori.kiosk.web.StaffAccess;
import org.shiori.protocol.Dataset;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk as it runs on a device: store, link to central, reader and session, patron screen on
 * 127.0.0.1:{@code ui.port} and admin API on 127.0.0.1:{@code admin.port}, all from one
 * configuration.
 */
public final class ProductionKiosk implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProductionKiosk.class);

  /** Both servers listen on loopback only: the screen's browser and the technician are local. */
  public static final String LOOPBACK = "127.0.0.1";

  /** The store's file inside the data directory. */
  public static final String DATABASE_FILE = "store.db";

  /** How long the staff status screen stays open without a touch, opened by PIN or card. */
  static final Duration STAFF_OPEN_FOR = Duration.ofSeconds(30);

  /** How often an absent card device is looked for. */
  static final Duration DEVICE_RETRY = Duration.ofSeconds(1);

  private final DeviceConfig config;
  private final Clock clock;
  private final KioskParts parts;
  private Optional<ManagementSetup> management = Optional.empty();

  /**
   * A reader loop, store or link worker without progress for this long fails the health check, and
   * the watchdog stops pinging systemd.
   */
  public static final Duration STUCK_AFTER = Duration.ofSeconds(30);

  private final KioskAssembly assembly;
  private SqliteStore store;
  private PinLockouts lockouts;
  private KioskSession session;
  private int uiPort;
  private int adminPort;

  /**
   * The settings and values the module derives from the configuration.
   *
   * @param identity who the kiosk is
   * @param hasher card number to patron key, with the tenant's key
   * @param rules the lending rules
   * @param security how tags are secured and released
   * @param link how to reach the broker
   * @param offlineLimits lending limits while central is unreachable
   * @param adminToken the admin API's token
   */
  record KioskParts(
      KioskIdentity identity,
      CardHasher hasher,
      LiveRules rules,
      SecurityMode security,
      MqttLinkSettings link,
      OfflineGuard.Limits offlineLimits,
      AdminToken adminToken) {
    @Inject
    KioskParts {}
  }

  @Inject
  ProductionKiosk(DeviceConfig config, Clock clock, KioskParts parts) {
    this.config = config;
    this.clock = clock;
    this.parts = parts;
    this.assembly = new KioskAssembly(STUCK_AFTER, clock);
  }

  /**
   * Starts a kiosk from its configuration; on failure everything started so far is stopped again.
   *
   * @throws KioskStartException when the device cannot run as configured (message for the
   *     technician)
   */
  public static ProductionKiosk start(DeviceConfig config, Clock clock) {
    return start(config, clock, Optional.empty());
  }

  /**
   * As {@link #start(DeviceConfig, Clock)}, taking central's management commands when {@code
   * management} is given (what {@code kiosk run} does).
   */
  public static ProductionKiosk start(
      DeviceConfig config, Clock clock, Optional<ManagementSetup> management) {
    if (config.role() != DeviceRole.KIOSK) {
      throw new KioskStartException(
          "role: this configuration is for a " + config.role().configName() + ", not a kiosk");
    }
    ProductionKiosk kiosk;
    try {
      kiosk =
          Guice.createInjector(new KioskModule(config, clock)).getInstance(ProductionKiosk.class);
    } catch (ProvisionException e) {
      throw startFailure(e);
    }
    kiosk.management = management;
    try {
      kiosk.open();
      return kiosk;
    } catch (RuntimeException e) {
      kiosk.close();
      throw e;
    }
  }

  private static RuntimeException startFailure(ProvisionException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof KioskStartException start) {
        return start;
      }
    }
    return e;
  }

  /** Store and link first, so the session starts on the cache and the outbox is drained. */
  private void open() {
    try {
      DeviceSecrets.requireOwnerOnly(config);
    } catch (IOException e) {
      throw new KioskStartException("refusing to start: " + e.getMessage(), e);
    }
    store = assembly.remember(SqliteStore.open(dataFile(), config.outbox().capacity(), clock));
    RulesUpdates rulesUpdates = new RulesUpdates(parts.rules(), config.zone());
    rulesUpdates.restore(store.document(Dataset.POLICY), store.document(Dataset.CALENDAR));
    CentralConnection central = assembly.connect(parts.link(), store, clock, rulesUpdates);
    EventPublisher events = assembly.remember(new EventPublisher(central.link(), clock));
    rulesUpdates.addRefusalListener(
        (dataset, version, why) -> events.documentRefused(dataset, version));
    central.publisher().addRejectionListener(new RejectionEvents(store, events));
    OnlineQueries queries = central.queries();
    management.ifPresent(
        m ->
            assembly.remember(
                m.startOn(
                    central.link(), config, assembly.health(), clock, central.sync()::resyncAll)));
    central.link().start();
    lockouts = assembly.remember(PinLockouts.open(config.dataDir().resolve(PinLockouts.FILE)));
    PinGuard pins =
        new PinGuard(
            lockouts,
            queries::checkPin,
            () -> central.connectivity().offlineSince().isEmpty(),
            config.card().pin(),
            clock);

    WatchedReader reader =
        new WatchedReader(assembly.remember(openReader()), config.reader(), clock);
    session =
        assembly.startSession(
            new SessionWiring(
                parts.identity(),
                parts.rules(),
                store,
                reader,
                parts.security(),
                parts.hasher(),
                parts.offlineLimits(),
                central,
                config.session(),
                pins,
                config.card().pad().map(CardSettings.PadCards::usage),
                staffCards()),
            clock);
    startCardSources(new CardInbox(session, config.card().codabar()));
    StatusReport status =
        new StatusReport(
            config, central.connectivity(), store, reader, parts.rules(), clock.instant());
    uiPort =
        assembly.servePatronScreen(
            session, patronScreen(status, events, reader), List.of(), LOOPBACK, config.ui().port());
    adminPort = serveAdmin(status, events);
    LOG.info(
        "kiosk {} running: patron screen on {}:{}, admin API on {}:{}",
        config.deviceId(),
        LOOPBACK,
        uiPort,
        LOOPBACK,
        adminPort);
  }

  /** The screen's parts from the configuration: printer, staff PIN, opening hours. */
  private PatronScreenParts patronScreen(
      StatusReport status, EventPublisher events, WatchedReader reader) {
    PatronScreenParts basic = assembly.basicScreen(clock, events::helpRequested);
    Optional<ReceiptPrinter> printer =
        config.ui().printer().map(device -> assembly.remember(openPrinter(device, events)));
    return new PatronScreenParts(
        basic.texts(),
        clock.withZone(config.zone()),
        day -> openingHours(day),
        () -> reader.status().answering(),
        basic.unreadableTags(),
        basic.helpRequested(),
        printer,
        new StaffAccess(
            config.ui().staffPinSha256(), new StaffStatus(status, store, clock), STAFF_OPEN_FOR));
  }

  /** The staff cards of {@code ui.staffCards}, known by their keys only. */
  private StaffCards staffCards() {
    return new StaffCards(
        config.ui().staffCards().stream().map(PatronKey::new).collect(Collectors.toSet()),
        STAFF_OPEN_FOR);
  }

  private Optional<String> openingHours(LocalDate day) {
    // The calendar in use: central's closures and openings included.
    CirculationPolicy policy = parts.rules().inUse().policy();
    return policy.calendar(config.branch()).hoursOn(day).map(Object::toString);
  }

  private ReceiptPrinter openPrinter(String device, EventPublisher events) {
    try {
      PrinterPort port = PrinterPorts.open(device, config.ui());
      return new ReceiptPrinter(
          port,
          new EscPosReceipt(PatronTexts.shipped()),
          state -> events.printerProblem(state.name()));
    } catch (IOException e) {
      throw new KioskStartException(
          "cannot open the receipt printer (ui.printer " + device + "): " + e.getMessage(), e);
    }
  }

  /** Every configured card input, each on its own thread, looked for again when it goes away. */
  private void startCardSources(CardInbox inbox) {
    CardSettings card = config.card();
    List<CardSource> sources = new ArrayList<>();
    card.evdev().ifPresent(e -> sources.add(new EvdevCardScanner(e, inbox, DEVICE_RETRY)));
    card.serial().ifPresent(s -> sources.add(new SerialCardScanner(s, inbox, DEVICE_RETRY)));
    card.pcsc().ifPresent(p -> sources.add(PcscCardReader.onSystem(p, inbox, DEVICE_RETRY)));
    for (CardSource source : sources) {
      assembly.remember(source).start();
    }
    if (sources.isEmpty() && card.pad().isEmpty()) {
      LOG.warn("no card source configured (card section): the kiosk only takes returns");
    }
  }

  /** Refused admin requests are reported to central as unauthorised access (P-BREACH-1). */
  private int serveAdmin(StatusReport status, EventPublisher events) {
    AdminServices services =
        new AdminServices(
            status,
            store,
            parts.hasher(),
            () -> events.unauthorisedAccess("ADMIN_TOKEN_REFUSED"),
            lockouts::clear);
    AdminServer admin =
        assembly.remember(
            new AdminServer(parts.adminToken(), services.refused(), KioskAdminRoutes.of(services)));
    return admin.start(LOOPBACK, config.admin().port());
  }

  private Path dataFile() {
    try {
      return Files.createDirectories(config.dataDir()).resolve(DATABASE_FILE);
    } catch (IOException e) {
      throw new KioskStartException(
          "cannot create the data directory " + config.dataDir() + " (dataDir): " + e, e);
    }
  }

  public KioskSession session() {
    return session;
  }

  public SqliteStore store() {
    return store;
  }

  /** The wrong-PIN counts and lockouts of this kiosk. */
  public PinLockouts pinLockouts() {
    return lockouts;
  }

  /** Healthy while the reader loop, the store and the link workers make progress. */
  public HealthCheck health() {
    return assembly.health();
  }

  /** The rules decisions are taken with now. */
  public LiveRules rules() {
    return parts.rules();
  }

  public int uiPort() {
    return uiPort;
  }

  public int adminPort() {
    return adminPort;
  }

  @Override
  public void close() {
    assembly.close();
    LOG.info("kiosk {} stopped", config.deviceId());
  }

  private TagReader openReader() {
    try {
      return ConfiguredReaders.open(config.reader(), ConfiguredReaders.REPLY_TIMEOUT);
    } catch (IOException e) {
      throw new KioskStartException(
          "cannot open the reader (reader.protocol "
              + config.reader().protocol()
              + config.reader().port().map(p -> ", reader.port " + p).orElse("")
              + "): "
              + e.getMessage(),
          e);
    }
  }
}
