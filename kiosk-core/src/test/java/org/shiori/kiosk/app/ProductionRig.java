package org.shiori.kiosk.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.messaging.MqttLink;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.TlsFiles;
import org.shiori.device.testing.CentralSimulator;
import org.shiori.device.testing.TestTls;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.kiosk.session.SessionView;
import org.shiori.protocol.Dataset;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;
import org.shiori.rfid.transport.SerialTransport;
import org.shiori.testkit.Conditions;
import org.shiori.testkit.FreePort;
import org.shiori.testkit.MosquittoBroker;
import org.shiori.testkit.SecretFile;
import org.shiori.testkit.SocatPtyPair;
import org.shiori.testkit.TestCertificates;

/**
 * A production kiosk started from a YAML file exactly as {@code kiosk run} starts it, against a
 * real Mosquitto, a central simulator, and a FEIG reader emulator behind a socat pty pair. Three
 * patrons and three tagged books; card {@code i} goes with item {@code i}.
 */
public final class ProductionRig implements AutoCloseable {
  public static final String TENANT = "matsuyama";
  public static final String DEVICE_ID = "kiosk-central-07";
  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  public static final Duration WAIT = Duration.ofSeconds(30);

  /** Tuesday 1 June 2027, 10:00 in Tokyo: the central library is open. */
  private static final Instant LENDING_DAY = Instant.parse("2027-06-01T01:00:00Z");

  private static final String ISIL = "JP-1001234";

  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private final TagField field = new TagField();
  private final Clock clock =
      Clock.offset(Clock.system(TOKYO), Duration.between(Instant.now(), LENDING_DAY));
  private final Path dir;
  private final Optional<TestCertificates> tls;
  private final String adminToken = HexFormat.of().formatHex(randomBytes(24));
  private CardHasher hasher;
  private MosquittoBroker broker;
  private CentralSimulator central;
  private ProductionKiosk kiosk;

  private final Options options;
  private SocatPtyPair scannerCable;
  private Path scannerFifo;

  /**
   * What a rig is started with beyond the basics.
   *
   * @param cardSources a serial scanner on its own pty pair, a HID scanner as a FIFO of {@code
   *     input_event} records, and patron cards on the pad (ISO 28560 usage 8), in the {@code card}
   *     section
   * @param policy a policy file instead of the shipped Matsuyama policy
   */
  public record Options(boolean cardSources, Optional<Path> policy) {
    public static final Options PLAIN = new Options(false, Optional.empty());
  }

  private ProductionRig(Path dir, Optional<TestCertificates> tls) {
    this(dir, tls, Options.PLAIN);
  }

  private ProductionRig(Path dir, Optional<TestCertificates> tls, Options options) {
    this.dir = dir;
    this.tls = tls;
    this.options = options;
  }

  /** Starts a rig with card sources and/or another policy. */
  public static ProductionRig start(Path dir, Options options) throws Exception {
    return start(new ProductionRig(dir, Optional.empty(), options));
  }

  /** Starts broker, reader emulator, central and the kiosk; the caches are filled on return. */
  public static ProductionRig start(Path dir) throws Exception {
    return start(new ProductionRig(dir, Optional.empty()));
  }

  /**
   * The same over TLS with client certificates: the broker's ACL confines the kiosk to its own
   * topics, as in production (P-TLS-1).
   */
  public static ProductionRig startWithTls(Path dir) throws Exception {
    return start(
        new ProductionRig(
            dir,
            Optional.of(TestCertificates.create(Files.createDirectories(dir.resolve("tls"))))));
  }

  private static ProductionRig start(ProductionRig rig) throws Exception {
    try {
      rig.open();
      return rig;
    } catch (Exception | AssertionError e) {
      rig.close();
      throw e;
    }
  }

  private void open() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    byte[] tenantKey = randomBytes(32);
    SecretFile.write(data.resolve("tenant.key"), tenantKey);
    SecretFile.write(data.resolve(AdminToken.FILE_NAME), adminToken + "\n");
    hasher = new CardHasher(tenantKey);

    broker =
        remember(
            tls.map(certs -> MosquittoBroker.withTls(TENANT, certs))
                .orElseGet(() -> MosquittoBroker.plain(TENANT))
                .start());
    PtyCable cable = remember(PtyCable.plugIn());
    SerialTransport readerLine = new SerialTransport(SerialSettings.feig(cable.readerEnd()));
    remember(new FeigReaderEmulator(readerLine, field, 0xFF).start());
    central = startCentral();
    if (options.cardSources()) {
      scannerCable =
          remember(
              SocatPtyPair.start(
                  Files.createDirectories(dir.resolve("dev")).resolve("ttyACM0"),
                  dir.resolve("dev").resolve("scanner")));
      scannerFifo = dir.resolve("dev").resolve("usb-Scanner-event-kbd");
      Process mkfifo = new ProcessBuilder("mkfifo", scannerFifo.toString()).start();
      if (mkfifo.waitFor() != 0) {
        throw new java.io.IOException("mkfifo failed");
      }
    }

    Path config = Files.writeString(dir.resolve("device.yaml"), yaml(cable, data));
    kiosk = remember(ProductionKiosk.start(DeviceConfigLoader.load(config), clock));
    awaitFirstSync();
  }

  private CentralSimulator startCentral() {
    MqttLink link =
        remember(
            new MqttLink(
                MqttLinkSettings.service(
                    broker.url(),
                    TENANT,
                    "central",
                    tls.map(c -> TestTls.files(c.client("central")))),
                clock));
    CentralSimulator simulator = remember(new CentralSimulator(link, clock));
    LocalDate today = LocalDate.now(clock.withZone(TOKYO));
    for (int i = 1; i <= 3; i++) {
      simulator.registerCard(card(i), patron(hasher.keyOf(card(i)), today));
      simulator.putItem(
          new ItemRecord(
              itemId(i),
              "Test book " + i,
              "book",
              "central",
              ItemStatus.AVAILABLE,
              Set.of(),
              1,
              Optional.empty()));
    }
    simulator.start();
    link.start();
    return simulator;
  }

  private static PatronSnapshot patron(PatronKey key, LocalDate today) {
    return new PatronSnapshot(
        key,
        "individual",
        today.plusYears(1),
        false,
        false,
        Map.of(),
        0,
        0,
        0,
        Optional.empty(),
        "central");
  }

  private String yaml(PtyCable cable, Path data) {
    return String.join(
        "\n",
        "# A kiosk as installed, but on loopback ports and a pseudo terminal.",
        "deviceId: " + DEVICE_ID,
        "role: kiosk",
        "tenant: " + TENANT,
        "branch: central",
        "zone: Asia/Tokyo",
        "broker:",
        "  url: " + broker.url(),
        tls.map(this::tlsSection).orElse(""),
        "reader:",
        "  protocol: feig",
        "  port: " + cable.kioskEnd(),
        "security:",
        "  mode: afi",
        "  afiSecured: 0x07",
        "  afiReleased: 0xC2",
        "dataDir: " + data,
        "ui:",
        "  port: " + FreePort.find(),
        options.cardSources() ? "  staffCards: [" + hasher.keyOf(STAFF_CARD).value() + "]" : "",
        "admin:",
        "  port: " + FreePort.find(),
        "policy: " + options.policy().map(Path::toString).orElse("matsuyama"),
        options.cardSources() ? cardSection() : "",
        "");
  }

  private String cardSection() {
    return String.join(
        "\n",
        "card:",
        "  serial:",
        "    port: " + scannerCable.first(),
        "    baud: 9600",
        "    suffix: cr",
        "  evdev:",
        "    path: " + scannerFifo,
        "    eventBytes: 24",
        "  pad:",
        "    usage: 8",
        "  codabar:",
        "    start: A",
        "    stop: B",
        "    check: none");
  }

  /** The serial scanner reads card {@code i}: the number and CR on its line. */
  public void scanOnSerial(int i) throws java.io.IOException {
    try (java.io.OutputStream line = new java.io.FileOutputStream(scannerCable.second())) {
      line.write((card(i) + "\r").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
  }

  /** The USB HID scanner reads card {@code i}: key events on the event stream, then Enter. */
  public void scanOnEvdev(int i) throws java.io.IOException {
    scanOnEvdev(card(i));
  }

  /** The USB HID scanner reads {@code number}: key events on the event stream, then Enter. */
  public void scanOnEvdev(String number) throws java.io.IOException {
    try (java.io.OutputStream events = new java.io.FileOutputStream(scannerFifo.toFile())) {
      events.write(HidScanner.keyEvents(number));
    }
  }

  /** Lays patron card {@code i} on the pad: ISO 28560-3, type of usage 8, the card number as id. */
  public VirtualTag placePatronCard(int i) {
    return placeCard(card(i), i);
  }

  /** Lays an RFID card with {@code number} on the pad, its UID told by {@code serial}. */
  public VirtualTag placeCard(String number, int serial) {
    byte[] data =
        LibraryTagCodec.encodeIso28560_3(
            new org.shiori.rfid.codec.Iso28560Part3.Data(
                org.shiori.rfid.codec.Iso28560Part3.VERSION, 8, 1, 1, number, "JP", ISIL));
    VirtualTag tag =
        VirtualTag.slix(TagUid.fromHex(String.format("E0040100007C%04X", serial)), data);
    field.put(tag);
    return tag;
  }

  /** Waits until the session is in checkout mode. */
  public void awaitCheckout() {
    Conditions.await(
        WAIT,
        () -> kiosk.session().view().mode() == SessionView.Mode.CHECKOUT,
        () -> "session: " + kiosk.session().view());
  }

  private String tlsSection(TestCertificates certs) {
    TlsFiles files = TestTls.files(certs.client(DEVICE_ID));
    return String.join(
        "\n",
        "  tls:",
        "    ca: " + files.caCertificate(),
        "    cert: " + files.clientCertificate(),
        "    key: " + files.clientKey());
  }

  /** Central repeats its snapshots until the device has applied items and patrons. */
  private void awaitFirstSync() {
    long[] published = {0};
    Conditions.await(
        WAIT,
        () -> {
          if (kiosk.store().appliedSequence(Dataset.ITEMS) > 0
              && kiosk.store().appliedSequence(Dataset.PATRONS) > 0) {
            return true;
          }
          if (published[0]++ % 25 == 0) {
            central.publishSnapshots();
          }
          return false;
        },
        () -> "no snapshot applied; broker log:\n" + broker.log());
  }

  /** The staff card of a rig with card sources: {@code ui.staffCards} holds its key. */
  public static final String STAFF_CARD = "A2000000099B";

  public static String card(int i) {
    return String.format("A20000000%02dB", i);
  }

  public static String itemId(int i) {
    return String.format("1201000000%02d", i);
  }

  /** Lays the tag of item {@code i} on the pad, secured as in the library. */
  public VirtualTag placeItem(int i) {
    byte[] data = LibraryTagCodec.encodeIso28560_3(itemId(i), 1, 1, "JP", ISIL);
    VirtualTag tag = VirtualTag.slix(TagUid.fromHex(String.format("E0040100005A%04X", i)), data);
    tag.setAfi(0x07);
    field.put(tag);
    return tag;
  }

  /** Scans a card and waits until the session is in checkout mode. */
  public void openSession(int i) {
    kiosk.session().cardScanned(card(i));
    Conditions.await(
        WAIT,
        () -> kiosk.session().view().mode() == SessionView.Mode.CHECKOUT,
        () -> "session: " + kiosk.session().view());
  }

  /** Clears the pad and ends the session, as a patron walking away. */
  public void clearPad() {
    field.clear();
    kiosk.session().finish();
    Conditions.await(
        WAIT,
        () ->
            kiosk.session().view().mode() == SessionView.Mode.RETURN
                && kiosk.session().view().tagsOnPad() == 0,
        () -> "session: " + kiosk.session().view());
  }

  public ProductionKiosk kiosk() {
    return kiosk;
  }

  public CentralSimulator central() {
    return central;
  }

  public PatronKey patronKey(int i) {
    return hasher.keyOf(card(i));
  }

  public String adminToken() {
    return adminToken;
  }

  public String adminUrl() {
    return "http://127.0.0.1:" + kiosk.adminPort();
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  private <T extends AutoCloseable> T remember(T part) {
    parts.push(part);
    return part;
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  @Override
  public void close() {
    while (!parts.isEmpty()) {
      try {
        parts.pop().close();
      } catch (Exception e) {
        // the next part still gets stopped
      }
    }
  }
}
