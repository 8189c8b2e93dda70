package org.shiori.kiosk.app;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.shiori.device.health.HealthCheck;
import org.shiori.device.health.ThreadProbe;
import org.shiori.device.messaging.DocumentCheck;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.OnlineQueries;
import org.shiori.device.messaging.OutboxPublisher;
import org.shiori.device.messaging.SyncSubscriber;
import org.shiori.device.store.SqliteStore;
import org.shiori.kiosk.pad.PadScanner;
import org.shiori.kiosk.session.KioskSession;
import org.shiori.kiosk.session.OfflineGuard;
import org.shiori.kiosk.text.PatronTexts;
import org.shiori.kiosk.web.KioskWebServer;
import org.shiori.kiosk.web.PatronScreenParts;
import org.shiori.kiosk.web.StaffAccess;
import org.shiori.protocol.Dataset;
import org.shiori.rfid.security.TagSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wiring steps every kiosk shares, the production service and the demo alike: link to central,
 * session on the pad, patron screen. Remembers every part it starts and stops them in reverse
 * order.
 */
public final class KioskAssembly implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskAssembly.class);

  /**
   * Pauses between inventory rounds of the pad: 50 ms at an idle kiosk and for returns, which keeps
   * an empty-field round (about 20 ms at 38,400 baud) to under a third of the reader's time; 20 ms
   * while a patron's checkout session is open, nearly continuous. A new tag is seen within one
   * pause and one round (docs/benchmarks.md, pad to row on screen).
   */
  static final PadScanner.Cycle PAD_CYCLE =
      new PadScanner.Cycle(Duration.ofMillis(50), Duration.ofMillis(20));

  /** How long a PIN check, loans list or renewal waits for central before "not available". */
  static final Duration ONLINE_QUERY_TIMEOUT = Duration.ofSeconds(5);

  /** Session timers are checked this often: the countdown is in whole seconds. */
  private static final long TICK_SECONDS = 1;

  /** Closed in reverse order of opening. */
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();

  /** What the watchdog's health check watches, filled in as the parts start. */
  private final HealthCheck health = new HealthCheck();

  private final Duration stuckAfter;
  private final Clock healthClock;

  /** An assembly whose health check calls a part stuck after two minutes without progress. */
  public KioskAssembly() {
    this(Duration.ofMinutes(2), Clock.systemUTC());
  }

  /**
   * @param stuckAfter how long a reader loop, store or link worker may make no progress before the
   *     health check fails
   * @param healthClock measures that time
   */
  public KioskAssembly(Duration stuckAfter, Clock healthClock) {
    this.stuckAfter = stuckAfter;
    this.healthClock = healthClock;
  }

  /** The health check of the parts started so far: reader loop, store, link workers. */
  public HealthCheck health() {
    return health;
  }

  /** The pad scanner of the started session: the screen shows its reader state. */
  private PadScanner scanner;

  /** Keeps {@code part} to be closed with the kiosk. */
  public <T extends AutoCloseable> T remember(T part) {
    parts.push(part);
    return part;
  }

  /**
   * Connects to central: connectivity, sync into the store and the outbox publisher follow the
   * link, which is started last so that no message arrives before its handler.
   */
  public CentralConnection connect(MqttLinkSettings settings, SqliteStore store, Clock clock) {
    return connect(settings, store, clock, DocumentCheck.STORE_ONLY);
  }

  /** As {@link #connect(MqttLinkSettings, SqliteStore, Clock)}, checking synced documents. */
  public CentralConnection connect(
      MqttLinkSettings settings, SqliteStore store, Clock clock, DocumentCheck documents) {
    MqttLink link = remember(new MqttLink(settings, clock));
    LinkConnectivity connectivity = new LinkConnectivity(clock);
    link.addConnectionListener(connectivity);
    SyncSubscriber sync = remember(new SyncSubscriber(link, store, clock, documents));
    sync.start();
    OutboxPublisher publisher = remember(new OutboxPublisher(link, store, clock));
    publisher.start();
    OnlineQueries queries = new OnlineQueries(link, ONLINE_QUERY_TIMEOUT);
    queries.start();
    health.add(new ThreadProbe("sync worker", sync.thread(), stuckAfter, healthClock));
    health.add(new ThreadProbe("outbox worker", publisher.thread(), stuckAfter, healthClock));
    ExecutorService storeProbe = daemonThread("store-probe");
    remember(storeProbe::shutdownNow);
    health.add(new ThreadProbe("store", storeProbe, stuckAfter, healthClock, store::pendingCount));
    return new CentralConnection(link, connectivity, publisher, queries, sync);
  }

  /**
   * Starts a session on the pad: one reader I/O thread for inventory, decisions and tag writes, the
   * pad scanner, and the idle check.
   */
  public KioskSession startSession(SessionWiring wiring, Clock clock) {
    SqliteStore store = wiring.store();
    OfflineGuard offline =
        new OfflineGuard(
            wiring.offlineLimits(),
            wiring.central().connectivity(),
            () -> store.lastSyncAt(Dataset.ITEMS),
            clock);
    ScheduledExecutorService readerThread = PadScanner.readerThread();
    remember(readerThread::shutdownNow);
    KioskSession session =
        new KioskSession(
            wiring.identity(),
            new KioskSession.SessionParts(
                wiring.rules(),
                store,
                store,
                store,
                new TagSecurity(wiring.reader(), wiring.security()),
                wiring.hasher(),
                offline,
                wiring.central().publisher()::notifyCommitted,
                key -> store.exportPatron(key).holds(),
                wiring.pins(),
                wiring.central().loanQueries(),
                wiring.staffCards()),
            clock,
            readerThread,
            wiring.timings());
    scanner =
        remember(
            new PadScanner(
                wiring.reader(),
                session,
                PAD_CYCLE,
                session::checkoutOpen,
                readerThread,
                wiring.patronCards(session)));
    scanner.start();
    health.add(new ThreadProbe("reader loop", readerThread, stuckAfter, healthClock));
    readerThread.scheduleWithFixedDelay(
        session::tick, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    return session;
  }

  /** Serves the patron screen (and any extra routes) and returns the port in use. */
  public int servePatronScreen(
      KioskSession session,
      PatronScreenParts screen,
      List<Consumer<Javalin>> extraRoutes,
      String host,
      int port) {
    KioskWebServer web = remember(new KioskWebServer(session, screen, extraRoutes));
    return web.start(host, port);
  }

  private static ExecutorService daemonThread(String name) {
    return Executors.newSingleThreadExecutor(
        r -> {
          Thread t = new Thread(r, name);
          t.setDaemon(true);
          return t;
        });
  }

  /**
   * The screen's parts with no printer, no staff mode and no opening hours, reading the started
   * session's pad; {@code help} raises the staff event.
   */
  public PatronScreenParts basicScreen(Clock clock, Runnable help) {
    PadScanner pad = scanner;
    return new PatronScreenParts(
        PatronTexts.shipped(),
        clock,
        day -> Optional.empty(),
        pad == null ? () -> true : pad::readerAnswering,
        pad == null ? () -> 0 : pad::unreadableTags,
        help,
        Optional.empty(),
        StaffAccess.none());
  }

  @Override
  public void close() {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        LOG.warn("stopping a kiosk part failed: {}", e.toString());
      }
    }
  }
}
