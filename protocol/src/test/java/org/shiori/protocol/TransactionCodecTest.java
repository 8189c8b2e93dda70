package org.shiori.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.Transaction;
import org.shiori.circulation.domain.TransactionType;

class TransactionCodecTest {
  private static final UUID ID = UUID.fromString("7d0c3f4e-1b2a-4c5d-8e9f-001122334455");
  private static final PatronKey PATRON = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  private final TransactionCodec codec = new TransactionCodec();

  private static Transaction checkout() {
    return new Transaction(
        ID,
        TransactionType.CHECKOUT,
        "kiosk-1",
        "main",
        "1000123456",
        Optional.of(PATRON),
        Instant.parse("2026-11-21T01:02:03.500Z"),
        Optional.of(LocalDate.parse("2026-12-05")),
        true);
  }

  private static Transaction giveBack() {
    return new Transaction(
        ID,
        TransactionType.RETURN,
        "kiosk-1",
        "east",
        "1000123456",
        Optional.empty(),
        Instant.parse("2026-11-21T01:02:03Z"),
        Optional.empty(),
        false);
  }

  @Test
  void checkoutEncodesToExactBytes() {
    byte[] bytes = codec.encode(new SequencedTransaction(7, 5, checkout()));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":7,"
                + "\"pendingFrom\":5,\"type\":\"CHECKOUT\",\"deviceId\":\"kiosk-1\",\"branch\":\"main\","
                + "\"itemId\":\"1000123456\",\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\","
                + "\"at\":\"2026-11-21T01:02:03.500Z\",\"dueDate\":\"2026-12-05\",\"offline\":true}");
  }

  @Test
  void returnCarriesNoPatronP_ERASE_1() {
    byte[] bytes = codec.encode(new SequencedTransaction(8, 8, giveBack()));
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,"
                + "\"pendingFrom\":8,\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\","
                + "\"itemId\":\"1000123456\",\"patron\":null,"
                + "\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null,\"offline\":false}");
  }

  @Test
  void encodingIsStableAndRoundTrips() throws PayloadException {
    SequencedTransaction m = new SequencedTransaction(42, 40, checkout());
    byte[] once = codec.encode(m);
    assertThat(codec.encode(codec.decode(once))).isEqualTo(once);
    assertThat(codec.decode(once)).isEqualTo(m);
    SequencedTransaction r = new SequencedTransaction(43, 1, giveBack());
    assertThat(codec.decode(codec.encode(r))).isEqualTo(r);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "null",
        "{",
        "{\"schemaVersion\":2}",
        // unknown field
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":null,\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null,\"offline\":false,"
            + "\"name\":\"Yamada\"}",
        // return with a patron
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"at\":\"2026-11-21T01:02:03Z\","
            + "\"dueDate\":null,\"offline\":false}",
        // checkout without due date
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"CHECKOUT\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"at\":\"2026-11-21T01:02:03Z\","
            + "\"dueDate\":null,\"offline\":false}",
        // sequence 0
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":0,\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":null,\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null,\"offline\":false}",
        // sequence as string
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":\"8\",\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":null,\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null,\"offline\":false}",
        // patron key that is a raw card number
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"CHECKOUT\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":\"2001234567\",\"at\":\"2026-11-21T01:02:03Z\","
            + "\"dueDate\":\"2026-12-05\",\"offline\":false}",
        // device id that would break topics
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk/#\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":null,\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null,\"offline\":false}",
        // missing offline
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":null,\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null}",
        // pendingFrom above its own sequence
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":9,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":null,\"at\":\"2026-11-21T01:02:03Z\",\"dueDate\":null,\"offline\":false}",
        // duplicate key
        "{\"schemaVersion\":1,\"schemaVersion\":1}"
      })
  void invalidPayloadsAreRefused(String json) {
    assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void errorsNeverEchoThePatronKey() {
    String json =
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"sequence\":8,\"pendingFrom\":1,"
            + "\"type\":\"RETURN\",\"deviceId\":\"kiosk-1\",\"branch\":\"east\",\"itemId\":\"1\","
            + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"at\":\"2026-11-21T01:02:03Z\","
            + "\"dueDate\":null,\"offline\":false}";
    assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PayloadException.class)
        .hasMessageNotContaining("a1b2c3d4");
  }

  @Test
  void oversizedPayloadIsRefusedUnread() {
    byte[] big = new byte[TransactionCodec.MAX_BYTES + 1];
    assertThatThrownBy(() -> codec.decode(big)).hasMessageContaining("exceeds the limit");
  }

  @Test
  void ackEncodesToExactBytesAndValidates() throws PayloadException {
    assertThat(new String(TransactionAck.accept(ID).encode(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":1,\"txId\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\","
                + "\"status\":\"accepted\",\"reason\":null}");
    assertThat(
            new String(
                TransactionAck.reject(ID, "PATRON_BLOCKED").encode(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":1,\"txId\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\","
                + "\"status\":\"rejected\",\"reason\":\"PATRON_BLOCKED\"}");
    assertThat(TransactionAck.decode(TransactionAck.reject(ID, "X").encode()))
        .isEqualTo(TransactionAck.reject(ID, "X"));
    assertThatThrownBy(
            () ->
                TransactionAck.decode(
                    ("{\"schemaVersion\":1,\"txId\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\","
                            + "\"status\":\"rejected\",\"reason\":null}")
                        .getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void deviceStateEncodesToExactBytes() throws PayloadException {
    DeviceState birth = new DeviceState("kiosk-1", true, 1_763_686_923_000L, 3);
    assertThat(new String(birth.encode(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"schemaVersion\":1,\"deviceId\":\"kiosk-1\",\"state\":\"online\","
                + "\"boot\":1763686923000,\"seq\":3}");
    assertThat(DeviceState.decode(birth.encode())).isEqualTo(birth);
  }
}
