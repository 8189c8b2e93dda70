package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.device.store.SqliteStore;
import org.shiori.device.testing.MessagingRig;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncCodec;

/**
 * 1,000 malformed sync messages through a real Mosquitto into the real SQLite store: every one is
 * rejected and the device's data sets are exactly as before.
 */
class MalformedSyncFaultTest {
  @TempDir Path dataDir;
  private MessagingRig rig;
  private SqliteStore store;
  private MqttLink device;
  private SyncSubscriber sync;

  @BeforeEach
  void setUp() {
    rig = MessagingRig.plain("t1");
    SyncSubscriberTest.seed(rig.central());
    store = SqliteStore.open(dataDir.resolve("kiosk.db"), 1000, rig.clock());
    device = rig.deviceLink("kiosk-1");
    sync = rig.track(new SyncSubscriber(device, store, rig.clock()));
    sync.start();
    device.start();
    await(
        SyncSubscriberTest.WAIT,
        () ->
            store.appliedSequence(Dataset.CALENDAR) == rig.central().version(Dataset.CALENDAR)
                && store.appliedSequence(Dataset.ITEMS) == rig.central().version(Dataset.ITEMS),
        () -> "not in sync");
  }

  @AfterEach
  void tearDown() {
    rig.close();
    store.close();
  }

  /** A valid delta of items, as text, with the next sequence; mutations break one rule each. */
  private String validItemsDelta(long sequence) {
    return "{\"schemaVersion\":1,\"tenant\":\"t1\",\"dataset\":\"items\",\"kind\":\"delta\","
        + "\"sequence\":"
        + sequence
        + ",\"chunk\":0,\"chunks\":1,\"upserts\":[{\"itemId\":\"evil-1\",\"title\":\"x\","
        + "\"material\":\"book\",\"homeBranch\":\"main\",\"status\":\"AVAILABLE\",\"flags\":[],"
        + "\"parts\":1,\"holdFor\":null}],\"deletes\":[\"item-1\"]}";
  }

  private List<Malformed> malformed(long next, Random random) {
    String ok = validItemsDelta(next);
    List<IntFunction<Malformed>> kinds = new ArrayList<>();
    kinds.add(i -> items(randomBytes(random, 1 + random.nextInt(300))));
    kinds.add(i -> items(ok.substring(0, 1 + random.nextInt(ok.length() - 2))));
    kinds.add(i -> items(ok.replace("\"schemaVersion\":1", "\"schemaVersion\":2")));
    kinds.add(i -> items(ok.replace("\"schemaVersion\":1", "\"schemaVersion\":\"1\"")));
    kinds.add(i -> items(ok.replace("\"tenant\":\"t1\"", "\"tenant\":\"t2\"")));
    kinds.add(i -> items(ok.replace("\"dataset\":\"items\"", "\"dataset\":\"holds\"")));
    kinds.add(i -> items(ok.replace("\"kind\":\"delta\"", "\"kind\":\"full\"")));
    kinds.add(i -> items(ok.replace("\"sequence\":" + next, "\"sequence\":0")));
    kinds.add(i -> items(ok.replace("\"sequence\":" + next, "\"sequence\":-" + i)));
    kinds.add(i -> items(ok.replace("\"sequence\":" + next, "\"sequence\":" + next + ".5")));
    kinds.add(i -> items(ok.replace("\"sequence\":" + next, "\"sequence\":\"" + next + "\"")));
    kinds.add(i -> items(ok.replace("\"chunk\":0,\"chunks\":1", "\"chunk\":3,\"chunks\":2")));
    kinds.add(i -> items(ok.replace("\"chunk\":0,\"chunks\":1", "\"chunk\":0,\"chunks\":2")));
    kinds.add(
        i -> items(ok.replace("\"upserts\":[", "\"upserts\":{\"a\":[").replace("}],", "}]},")));
    kinds.add(i -> items(ok.replace("\"title\":\"x\",", "")));
    kinds.add(i -> items(ok.replace("\"AVAILABLE\"", "\"BORROWED\"")));
    kinds.add(i -> items(ok.replace("\"parts\":1", "\"parts\":0")));
    kinds.add(i -> items(ok.replace("\"holdFor\":null", "\"holdFor\":\"2001234567\"")));
    kinds.add(i -> items(ok.replace("\"holdFor\":null", "\"holdFor\":null,\"patronName\":\"x\"")));
    kinds.add(i -> items(ok.replace("\"deletes\":[\"item-1\"]", "\"deletes\":[" + i + "]")));
    kinds.add(i -> items(ok.replace("\"itemId\":\"evil-1\"", "\"itemId\":\"has space\"")));
    kinds.add(i -> items(ok.replace("\"flags\":[]", "\"flags\":[\"a/b\"]")));
    kinds.add(i -> items("[" + ok + "]"));
    kinds.add(
        i ->
            items(
                ok.replace("{\"schemaVersion\":1,", "{\"schemaVersion\":1,\"schemaVersion\":1,")));
    kinds.add(i -> items(""));
    kinds.add(i -> items(ok.replace("\"deletes\":[\"item-1\"]", "\"document\":\"x\"")));
    kinds.add(i -> items(oversized(ok)));
    kinds.add(
        i ->
            new Malformed(
                "lib/t1/sync/patrons",
                ok.replace("\"dataset\":\"items\"", "\"dataset\":\"patrons\"")
                    .replace("\"deletes\":[\"item-1\"]", "\"deletes\":[\"2001234567\"]")));
    kinds.add(
        i ->
            new Malformed(
                "lib/t1/sync/policy",
                "{\"schemaVersion\":1,\"tenant\":\"t1\",\"dataset\":\"policy\",\"kind\":\"delta\","
                    + "\"sequence\":99,\"chunk\":0,\"chunks\":1,\"document\":\"\"}"));
    kinds.add(
        i ->
            new Malformed(
                "lib/t1/sync/calendar",
                "{\"schemaVersion\":1,\"tenant\":\"t1\",\"dataset\":\"calendar\",\"kind\":\"delta\","
                    + "\"sequence\":99,\"chunk\":0,\"chunks\":1,\"upserts\":[],\"deletes\":[]}"));
    kinds.add(i -> new Malformed("lib/t1/sync/loans", ok));
    kinds.add(i -> new Malformed("lib/t1/dev/kiosk-1/sync/holds", ok));
    List<Malformed> out = new ArrayList<>(1000);
    for (int i = 0; i < 1000; i++) {
      out.add(kinds.get(i % kinds.size()).apply(i));
    }
    return out;
  }

  private record Malformed(String topic, byte[] payload) {
    Malformed(String topic, String payload) {
      this(topic, payload.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static Malformed items(String payload) {
    return new Malformed("lib/t1/sync/items", payload);
  }

  private static Malformed items(byte[] payload) {
    return new Malformed("lib/t1/sync/items", payload);
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String oversized(String ok) {
    return ok.replace("\"title\":\"x\"", "\"title\":\"" + "x".repeat(SyncCodec.MAX_BYTES) + "\"");
  }

  private Map<Dataset, Long> versions() {
    Map<Dataset, Long> v = new EnumMap<>(Dataset.class);
    for (Dataset d : Dataset.values()) {
      v.put(d, store.appliedSequence(d));
    }
    return v;
  }

  @Test
  void thousandMalformedSyncMessagesAreAllRejectedAndChangeNothing() throws Exception {
    Map<Dataset, Long> before = versions();
    var item1 = store.find("item-1");
    var patron = store.find(SyncSubscriberTest.PATRON);
    var policy = store.document(Dataset.POLICY);
    long next = before.get(Dataset.ITEMS) + 1;
    List<Malformed> bad = malformed(next, new Random(20261121L));
    assertThat(bad).hasSize(1000);

    try (MqttLink attacker = rig.deviceLink("attacker")) {
      attacker.start();
      assertThat(attacker.awaitConnected(MessagingRig.CONNECT_TIMEOUT)).isTrue();
      for (Malformed m : bad) {
        attacker.publish(m.topic(), m.payload(), 1, false).get(30, TimeUnit.SECONDS);
      }
    }
    await(
        Duration.ofSeconds(120),
        () -> sync.rejectedCount() >= 1000,
        () -> "rejected " + sync.rejectedCount());
    assertThat(sync.rejectedCount()).isEqualTo(1000);
    assertThat(versions()).isEqualTo(before);
    assertThat(store.find("item-1")).isEqualTo(item1);
    assertThat(store.find("evil-1")).isEmpty();
    assertThat(store.find(SyncSubscriberTest.PATRON)).isEqualTo(patron);
    assertThat(store.find(new PatronKey("00000000000000000000000000000000"))).isEmpty();
    assertThat(store.document(Dataset.POLICY)).isEqualTo(policy);

    // The subscriber still works: the next genuine delta applies.
    rig.central().putItem(SyncSubscriberTest.item(5000));
    await(
        SyncSubscriberTest.WAIT,
        () -> store.find("item-5000").isPresent(),
        () -> "genuine delta not applied");
  }
}
