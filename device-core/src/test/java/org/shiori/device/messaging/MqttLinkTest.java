package org.shiori.device.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shiori.testkit.Conditions.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shiori.device.testing.MessagingRig;
import org.shiori.protocol.DeviceState;
import org.shiori.protocol.PayloadException;
import org.shiori.testkit.CuttableProxy;

/** Birth, death (last will), reconnect and connection listeners against a real Mosquitto. */
class MqttLinkTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private MessagingRig rig;
  private CuttableProxy proxy;
  private final List<DeviceState> states = new CopyOnWriteArrayList<>();
  private final List<String> listenerEvents = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    rig = MessagingRig.plain("t1");
    proxy = new CuttableProxy(rig.broker().port());
    // A link of its own: a second, overlapping subscription on central's link would deliver each
    // message twice.
    MqttLink observer = rig.deviceLink("state-observer");
    observer.subscribe(
        "lib/t1/dev/kiosk-1/state",
        1,
        m -> {
          try {
            states.add(DeviceState.decode(m.payload()));
          } catch (PayloadException e) {
            throw new AssertionError(e);
          }
        });
    observer.start();
    assertThat(observer.awaitConnected(WAIT)).isTrue();
  }

  @AfterEach
  void tearDown() {
    proxy.close();
    rig.close();
  }

  private MqttLink deviceThroughProxy() {
    MqttLinkSettings s =
        MqttLinkSettings.device(
                URI.create("tcp://127.0.0.1:" + proxy.port()), "t1", "kiosk-1", Optional.empty())
            .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1));
    MqttLink link = rig.track(new MqttLink(s, rig.clock()));
    link.addConnectionListener(
        new ConnectionListener() {
          @Override
          public void connected(boolean sessionPresent) {
            listenerEvents.add("up " + sessionPresent);
          }

          @Override
          public void disconnected(String reason) {
            listenerEvents.add("down");
          }
        });
    return link;
  }

  @Test
  void birthOnConnectDeathAsLastWillOnAbruptLossThenANewBirth() {
    MqttLink link = deviceThroughProxy();
    link.start();
    assertThat(link.awaitConnected(WAIT)).isTrue();
    await(WAIT, () -> states.size() == 1, () -> "states " + states);
    DeviceState birth = states.get(0);
    assertThat(birth.online()).isTrue();
    assertThat(birth.seq()).isEqualTo(1);

    proxy.cutAll();
    await(WAIT, () -> states.size() >= 3, () -> "states " + states);
    assertThat(states.get(1)).isEqualTo(new DeviceState("kiosk-1", false, birth.boot(), 1));
    assertThat(states.get(2)).isEqualTo(new DeviceState("kiosk-1", true, birth.boot(), 2));
    await(WAIT, () -> listenerEvents.size() >= 3, () -> "listener " + listenerEvents);
    assertThat(listenerEvents).containsExactly("up false", "down", "up true");
    await(
        WAIT,
        () -> rig.central().deviceStates().get("kiosk-1").seq() == 2,
        () -> "central " + rig.central().deviceStates());
    assertThat(rig.central().deviceStates().get("kiosk-1").online()).isTrue();
  }

  @Test
  void anOrderlyCloseLeavesARetainedDeathForLateSubscribers() throws Exception {
    MqttLink link = deviceThroughProxy();
    link.start();
    assertThat(link.awaitConnected(WAIT)).isTrue();
    link.close();
    List<DeviceState> late = new CopyOnWriteArrayList<>();
    try (MqttLink observer = rig.deviceLink("observer")) {
      observer.subscribe(
          "lib/t1/dev/kiosk-1/state",
          1,
          m -> {
            try {
              late.add(DeviceState.decode(m.payload()));
            } catch (PayloadException e) {
              throw new AssertionError(e);
            }
          });
      observer.start();
      assertThat(observer.awaitConnected(WAIT)).isTrue();
      await(WAIT, () -> !late.isEmpty(), () -> "no retained state");
    }
    assertThat(late.get(0).online()).isFalse();
    assertThat(late.get(0).seq()).isEqualTo(1);
  }

  @Test
  void backoffStaysBetweenTheBoundsAndGrows() {
    MqttLink link = deviceThroughProxy();
    for (int attempt = 0; attempt < 40; attempt++) {
      Duration d = link.backoff(attempt);
      assertThat(d).isBetween(Duration.ofMillis(100), Duration.ofSeconds(1));
    }
    assertThat(link.backoff(0)).isEqualTo(Duration.ofMillis(100));
  }
}
