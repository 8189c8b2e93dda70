package org.shiori.demo.gate;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.shiori.demo.DemoBroker;
import org.shiori.device.store.SqliteStore;
import org.shiori.emulator.EmulatedReaderProvider;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.gate.app.GateService;
import org.shiori.gate.app.GateTuning;
import org.shiori.gate.passage.GateAlarm;
import org.shiori.protocol.SyncBatch;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.reader.ReaderOpening;
import org.shiori.rfid.reader.ReaderProtocol;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.tag.TagUid;

/**
 * A whole gate in one process: the real {@link GateService} (passage monitor, in-memory item
 * states, durable events, MQTT link, visitor counter) on an emulated reader, the Pi4J mock plugin
 * for light, buzzer and the two visitor beams, and an embedded broker unless one is given. Tags are
 * walked through the field by {@link #walk}; the outputs are recorded with their times.
 */
public final class GateDemo implements AutoCloseable {
  static final String TENANT = "demo";
  static final String DEVICE_ID = "gate-demo-01";
  private static final int LIGHT_PIN = 17;
  private static final int BUZZER_PIN = 27;
  private static final int BEAM_OUTER_PIN = 22;
  private static final int BEAM_INNER_PIN = 23;
  private static final Duration BEAM_HOLD = Duration.ofMillis(40);
  private static final Duration IN_FIELD = Duration.ofMillis(600);
  private static final int MAX_REMEMBERED = 200;

  /** A change of an output, with its time. */
  public record OutputChange(String output, boolean on, Instant at) {}

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final TagField field = new TagField();
  private final Deque<OutputChange> outputs = new ArrayDeque<>();
  private final Deque<GateAlarm> alarms = new ArrayDeque<>();
  private final Clock clock;
  private Path dataDirectory;
  private URI brokerUrl;
  private GateService gate;
  private Context pi4j;

  private GateDemo(Clock clock) {
    this.clock = clock;
  }

  /**
   * @param data the gate's data directory, or empty for a fresh temporary one
   * @param broker an external broker, or empty for the embedded one
   */
  public static GateDemo start(Optional<Path> data, Optional<URI> broker, Clock clock)
      throws IOException {
    GateDemo demo = new GateDemo(clock);
    try {
      demo.open(data, broker);
      return demo;
    } catch (IOException | RuntimeException e) {
      demo.close();
      throw e;
    }
  }

  private void open(Optional<Path> data, Optional<URI> broker) throws IOException {
    dataDirectory = data.isPresent() ? data.get() : Files.createTempDirectory("shiori-gate-demo-");
    Files.createDirectories(dataDirectory);
    if (broker.isPresent()) {
      brokerUrl = broker.get();
    } else {
      DemoBroker embedded =
          new DemoBroker(Files.createTempDirectory("shiori-gate-demo-broker-")).start();
      started.push(embedded);
      brokerUrl = embedded.url();
    }
    catalogue();
    Path configFile = dataDirectory.resolve("gate-demo.yaml");
    Files.writeString(configFile, configYaml());
    DeviceConfig config;
    try {
      config = DeviceConfigLoader.load(configFile);
    } catch (ConfigException e) {
      throw new IllegalStateException("the demo's own configuration is invalid: " + e.errors(), e);
    }
    for (GateDemoCatalogue.Entry e : GateDemoCatalogue.ITEMS) {
      field.put(tag(e)); // placed, then taken away: the tags wait outside the field
      field.remove(e.uid());
    }
    TagReader reader =
        EmulatedReaderProvider.open(
            field,
            new ReaderOpening(
                ReaderProtocol.EMULATED,
                Optional.empty(),
                ReaderProtocol.FEIG_ANY_ADDRESS,
                Duration.ofMillis(500)));
    started.push(reader);
    pi4j =
        Pi4J.newContextBuilder()
            .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance())
            .build();
    started.push(pi4j::shutdown);
    gate = GateService.start(config, reader, pi4j, GateTuning.DEFAULT, clock);
    started.push(gate);
    record("light", pi4j.io("gate-light", DigitalOutput.class));
    record("buzzer", pi4j.io("gate-buzzer", DigitalOutput.class));
    gate.onAlarm(this::alarmed);
    // Both beams clear, as the receivers are when nobody is in the gate.
    ((MockDigitalInput) pi4j.io("gate-beam-outer", DigitalInput.class))
        .mockState(DigitalState.HIGH);
    ((MockDigitalInput) pi4j.io("gate-beam-inner", DigitalInput.class))
        .mockState(DigitalState.HIGH);
  }

  private void record(String name, DigitalOutput output) {
    output.addListener(
        e ->
            remember(
                outputs, new OutputChange(name, e.state() == DigitalState.HIGH, clock.instant())));
  }

  private void alarmed(GateAlarm alarm) {
    remember(alarms, alarm);
  }

  private static <T> void remember(Deque<T> list, T item) {
    synchronized (list) {
      list.addLast(item);
      while (list.size() > MAX_REMEMBERED) {
        list.removeFirst();
      }
    }
  }

  /** The demo's catalogue as sync would leave it in the gate's item cache. */
  private void catalogue() {
    List<ItemRecord> items =
        GateDemoCatalogue.ITEMS.stream().map(GateDemoCatalogue.Entry::record).toList();
    try (SqliteStore store =
        SqliteStore.open(dataDirectory.resolve(GateService.DATABASE_FILE), 1000, clock)) {
      store.applyItems(new SyncBatch<>(1, true, 0, 1, items, List.of()));
    }
  }

  private String configYaml() {
    return String.join(
        "\n",
        "# The gate demo's own configuration (written by bin/gate demo)",
        "deviceId: " + DEVICE_ID,
        "role: gate",
        "tenant: " + TENANT,
        "branch: central",
        "broker:",
        "  url: " + brokerUrl,
        "reader:",
        "  protocol: emulated",
        "security:",
        "  mode: afi",
        "gate:",
        "  alarmMode: cross-check",
        "  lightPin: " + LIGHT_PIN,
        "  buzzerPin: " + BUZZER_PIN,
        "  outerBeamPin: " + BEAM_OUTER_PIN,
        "  innerBeamPin: " + BEAM_INNER_PIN,
        "  beamDebounceMillis: 20",
        "  alarmMillis: 1500",
        "dataDir: " + dataDirectory,
        "");
  }

  /** The tag of a demo item, its AFI as the kiosk leaves it: released when lent, else secured. */
  private static VirtualTag tag(GateDemoCatalogue.Entry e) {
    VirtualTag t =
        VirtualTag.slix(
            e.uid(), LibraryTagCodec.encodeIso28560_3(e.itemId(), 1, 1, "JP", "JP-1000000"));
    t.setAfi(e.onLoan() ? SecurityMode.ISO_AFI.releasedAfi() : SecurityMode.ISO_AFI.securedAfi());
    return t;
  }

  /**
   * Walks {@code uids} through the gate: the visitor breaks the beam, the tags are in the field for
   * a moment, then gone. Returns once they have left. Unknown UIDs are refused before anything
   * moves.
   */
  public synchronized void walk(List<TagUid> uids) throws InterruptedException {
    List<VirtualTag> tags = new ArrayList<>();
    for (TagUid uid : uids) {
      tags.add(
          tag(
              GateDemoCatalogue.byUid(uid)
                  .orElseThrow(() -> new IllegalArgumentException("no demo item has tag " + uid))));
    }
    MockDigitalInput outer = (MockDigitalInput) pi4j.io("gate-beam-outer", DigitalInput.class);
    MockDigitalInput inner = (MockDigitalInput) pi4j.io("gate-beam-inner", DigitalInput.class);
    // Leaving the library: the inner beam first, then both, then the outer one last.
    beam(inner, DigitalState.LOW);
    beam(outer, DigitalState.LOW);
    tags.forEach(field::put);
    Thread.sleep(IN_FIELD.toMillis());
    tags.forEach(t -> field.remove(t.uid()));
    beam(inner, DigitalState.HIGH);
    beam(outer, DigitalState.HIGH);
  }

  /** Sets a beam and lets the level hold past the debounce time, as a walker's would. */
  private static void beam(MockDigitalInput input, DigitalState level) throws InterruptedException {
    input.mockState(level);
    Thread.sleep(BEAM_HOLD.toMillis());
  }

  public List<OutputChange> outputs() {
    synchronized (outputs) {
      return List.copyOf(outputs);
    }
  }

  public List<GateAlarm> alarms() {
    synchronized (alarms) {
      return List.copyOf(alarms);
    }
  }

  public GateService gate() {
    return gate;
  }

  public URI brokerUrl() {
    return brokerUrl;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
  }
}
