package org.shiori.gate.app;

import com.pi4j.context.Context;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shiori.config.AlarmMode;
import org.shiori.config.DeviceConfig;
import org.shiori.config.GateSettings;
import org.shiori.config.VisitorBeams;
import org.shiori.device.admin.AdminServer;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.admin.WatchedReader;
import org.shiori.device.app.DeviceSecrets;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.health.ProgressCheck;
import org.shiori.device.health.ThreadProbe;
import org.shiori.device.messaging.DurableEventPublisher;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.SyncSubscriber;
import org.shiori.device.messaging.TlsFiles;
import org.shiori.device.remote.ManagementSetup;
import org.shiori.device.store.EventStore;
import org.shiori.device.store.SqliteStore;
import org.shiori.gate.admin.GateAdminRoutes;
import org.shiori.gate.admin.GateStatusReport;
import org.shiori.gate.cache.GateSyncSink;
import org.shiori.gate.cache.ItemStates;
import org.shiori.gate.cache.ItemStatusSource;
import org.shiori.gate.input.Pi4jCoverSwitch;
import org.shiori.gate.input.Pi4jVisitorBeams;
import org.shiori.gate.input.Wakeup;
import org.shiori.gate.passage.GateAlarm;
import org.shiori.gate.passage.GateRules;
import org.shiori.gate.passage.PassageMemory;
import org.shiori.gate.passage.PassageMonitor;
import org.shiori.gate.passage.TagInspector;
import org.shiori.gate.signal.Pi4jAlarmSignals;
import org.shiori.gate.visitors.VisitorCounter;
import org.shiori.rfid.reader.TagReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running gate, wired from its device configuration: item cache (SQLite under the data
 * directory, kept current by sync), MQTT link, alarm signals and beam on the given Pi4J context,
 * the passage monitor on the given reader, the visitor counter, and, when given a token, the local
 * admin API on 127.0.0.1:{@code admin.port}. Reader and Pi4J context belong to the caller, so tests
 * pass an emulated reader and the mock plugin.
 */
public final class GateService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GateService.class);

  /** Item cache file under the data directory. */
  public static final String DATABASE_FILE = "gate.db";

  /** A reader loop or worker without progress for this long fails the health check. */
  static final Duration STUCK_AFTER = Duration.ofSeconds(30);

  private final HealthCheck health = new HealthCheck();

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private PassageMonitor monitor;
  private Optional<VisitorCounter> visitors = Optional.empty();
  private Optional<Pi4jVisitorBeams> visitorBeams = Optional.empty();
  private Optional<Pi4jCoverSwitch> cover = Optional.empty();
  private MqttLink link;
  private SqliteStore store;
  private DurableEventPublisher events;
  private AlarmEvents alarmEvents;
  private GateStatusReport status;
  private OptionalInt adminPort = OptionalInt.empty();

  /** Where the admin API listens. */
  static final String LOOPBACK = "127.0.0.1";

  private GateService() {}

  /** Starts everything; on failure whatever was started is closed again. */
  public static GateService start(
      DeviceConfig config, TagReader reader, Context pi4j, GateTuning tuning, Clock clock)
      throws IOException {
    return start(config, reader, pi4j, tuning, clock, Optional.empty(), Optional.empty());
  }

  /**
   * As above, taking central's management commands when {@code management} is given, and serving
   * the admin API on 127.0.0.1:{@code admin.port} when {@code adminToken} is given (an
   * unprovisioned token refuses every request). Refused requests are reported to central as
   * unauthorised access (P-BREACH-1).
   *
   * @throws IOException also when the admin port cannot be bound
   */
  public static GateService start(
      DeviceConfig config,
      TagReader reader,
      Context pi4j,
      GateTuning tuning,
      Clock clock,
      Optional<ManagementSetup> management,
      Optional<AdminToken> adminToken)
      throws IOException {
    GateService service = new GateService();
    try {
      service.open(config, reader, pi4j, tuning, clock, management);
      if (adminToken.isPresent()) {
        service.serveAdmin(adminToken.get(), config.admin().port());
      }
      return service;
    } catch (IOException | RuntimeException e) {
      service.close();
      throw e;
    }
  }

  private <T extends AutoCloseable> T remember(T part) {
    started.push(part);
    return part;
  }

  private void serveAdmin(AdminToken token, int port) throws IOException {
    AdminServer admin =
        remember(
            new AdminServer(
                token,
                () -> events.unauthorisedAccess("ADMIN_TOKEN_REFUSED"),
                GateAdminRoutes.of(status)));
    try {
      adminPort = OptionalInt.of(admin.start(LOOPBACK, port));
    } catch (java.io.UncheckedIOException e) {
      throw new IOException("admin.port " + port + ": " + e.getMessage(), e);
    }
    LOG.info("admin API on {}:{}", LOOPBACK, adminPort.getAsInt());
  }

  private void open(
      DeviceConfig config,
      TagReader tagReader,
      Context pi4j,
      GateTuning tuning,
      Clock clock,
      Optional<ManagementSetup> management)
      throws IOException {
    DeviceSecrets.requireOwnerOnly(config);
    GateSettings gate = config.requireGate();
    WatchedReader reader = new WatchedReader(tagReader, config.reader(), clock);
    GateRules rules = GateRules.of(config);
    Files.createDirectories(config.dataDir());
    store =
        remember(
            SqliteStore.open(
                config.dataDir().resolve(DATABASE_FILE), config.outbox().capacity(), clock));
    link = remember(new MqttLink(linkSettings(config), clock));
    TagInspector inspector;
    SyncSubscriber sync;
    Optional<ItemStates> itemStates = Optional.empty();
    if (rules.mode() == AlarmMode.DATABASE || rules.mode() == AlarmMode.CROSS_CHECK) {
      long started = System.nanoTime();
      ItemStatusSource source = store::scanItemStatuses;
      ItemStates states = source.load();
      LOG.info(
          "{} item states in memory, loaded in {} ms",
          states.size(),
          (System.nanoTime() - started) / 1_000_000);
      sync = remember(new SyncSubscriber(link, new GateSyncSink(store, states, source), clock));
      inspector = TagInspector.withStates(reader, states, rules);
      itemStates = Optional.of(states);
    } else {
      sync = remember(new SyncSubscriber(link, new GateSyncSink(store), clock));
      inspector = new TagInspector(reader, store, rules);
    }
    sync.start();
    health.add(new ThreadProbe("sync worker", sync.thread(), STUCK_AFTER, clock));
    EventStore eventStore = store.events(config.outbox().capacity(), clock);
    events = remember(new DurableEventPublisher(link, eventStore, clock));
    alarmEvents = remember(new AlarmEvents(store, events));
    Pi4jAlarmSignals signals =
        remember(new Pi4jAlarmSignals(pi4j, gate.lightPin(), gate.buzzerPin(), tuning.pattern()));
    monitor =
        remember(
            new PassageMonitor(
                reader,
                inspector,
                rules,
                new PassageMemory(tuning.passageWindow(), clock),
                new PassageMonitor.Outputs(signals, gate.alarmDuration(), alarmEvents)));
    ScheduledExecutorService timer = remember(new InputTimer()).executor;
    Wakeup wakeup =
        (delay, settle) -> timer.schedule(settle, delay.toNanos(), TimeUnit.NANOSECONDS);
    if (gate.beams().isPresent()) {
      startVisitorCounting(config, pi4j, gate.beams().get(), eventStore, timer, wakeup, clock);
    }
    if (gate.tamperPin().isPresent()) {
      cover =
          Optional.of(
              remember(
                  new Pi4jCoverSwitch(
                      pi4j, gate.tamperPin().getAsInt(), clock, wakeup, events::tamper)));
    }
    management.ifPresent(m -> remember(m.startOn(link, config, health, clock, sync::resyncAll)));
    status =
        new GateStatusReport(
            new GateStatusReport.Parts(
                config.deviceId(),
                version(),
                rules.mode().configName(),
                store,
                events,
                reader,
                monitor,
                itemStates,
                visitors),
            clock);
    link.addConnectionListener(status);
    link.start();
    monitor.start(tuning.cycle());
    health.add(new ProgressCheck("reader loop", monitor::rounds, STUCK_AFTER, clock));
    LOG.info(
        "gate {} running: alarm mode {}, light pin {}, buzzer pin {}, beams {}, cover switch {}",
        config.deviceId(),
        rules.mode().configName(),
        gate.lightPin(),
        gate.buzzerPin(),
        gate.beams()
            .map(b -> "outer pin " + b.outerPin() + ", inner pin " + b.innerPin())
            .orElse("none"),
        gate.tamperPin().isPresent() ? "pin " + gate.tamperPin().getAsInt() : "none");
  }

  private void startVisitorCounting(
      DeviceConfig config,
      Context pi4j,
      VisitorBeams beams,
      EventStore eventStore,
      ScheduledExecutorService timer,
      Wakeup wakeup,
      Clock clock) {
    VisitorCounter counter =
        new VisitorCounter(
            config.deviceId(), store.visitors(), eventStore, events::publishStored, clock);
    Pi4jVisitorBeams pair =
        remember(new Pi4jVisitorBeams(pi4j, beams, clock, wakeup, counter::walked));
    // Every second: levels held since the last edge, and a beam blocked for too long.
    timer.scheduleWithFixedDelay(pair::settle, 1, 1, TimeUnit.SECONDS);
    // Finished hours are reported within a minute of the hour (at start: those missed meanwhile).
    timer.scheduleWithFixedDelay(counter::reportFinishedHours, 0, 1, TimeUnit.MINUTES);
    visitors = Optional.of(counter);
    visitorBeams = Optional.of(pair);
  }

  /** The thread that debounces the GPIO inputs and counts visitors: never the inventory loop. */
  private static final class InputTimer implements AutoCloseable {
    final ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "gate-inputs");
              t.setDaemon(true);
              return t;
            });

    @Override
    public void close() throws InterruptedException {
      executor.shutdown();
      executor.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  static MqttLinkSettings linkSettings(DeviceConfig config) {
    return MqttLinkSettings.device(
        URI.create(config.broker().url()),
        config.tenant(),
        config.deviceId(),
        config.broker().tls().map(t -> new TlsFiles(t.ca(), t.cert(), t.key())));
  }

  /** The version {@code gate --version} prints, without its program name. */
  static String version() {
    String full = GateCommand.class.getAnnotation(picocli.CommandLine.Command.class).version()[0];
    return full.substring(full.lastIndexOf(' ') + 1);
  }

  /** What {@code GET /admin/status} answers now. */
  public GateStatusReport status() {
    return status;
  }

  /** The admin API's port, when it is served. */
  public OptionalInt adminPort() {
    return adminPort;
  }

  /** Healthy while the reader loop goes round and the sync worker gets through its messages. */
  public HealthCheck health() {
    return health;
  }

  public PassageMonitor monitor() {
    return monitor;
  }

  /** The visitor counter, when the gate has its two beams. */
  public Optional<VisitorCounter> visitors() {
    return visitors;
  }

  /** The two visitor beams, when configured. */
  public Optional<Pi4jVisitorBeams> visitorBeams() {
    return visitorBeams;
  }

  /** The cover switch, when configured. */
  public Optional<Pi4jCoverSwitch> coverSwitch() {
    return cover;
  }

  public MqttLink link() {
    return link;
  }

  /** Tells {@code listener} of every alarm once its event is stored, with the item's title. */
  public void onAlarm(Consumer<GateAlarm> listener) {
    alarmEvents.addListener(listener);
  }

  /** Staff events (alarms, tamper, visitor reports) stored and waiting for the broker. */
  public DurableEventPublisher events() {
    return events;
  }

  /** The item cache. */
  public SqliteStore store() {
    return store;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        LOG.warn("closing gate part failed: {}", e.toString());
      }
    }
  }
}
