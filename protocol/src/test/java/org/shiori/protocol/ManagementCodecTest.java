package org.shiori.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Remote management commands and their results, byte for byte, and what is refused. */
class ManagementCodecTest {
  private static final UUID ID = UUID.fromString("7d0c3f4e-1b2a-4c5d-8e9f-001122334455");

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aCommandIsWrittenInItsDocumentedOrderAndReadBack() throws Exception {
    String expected =
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\","
            + "\"deviceId\":\"kiosk-1\",\"command\":\"rotate-logs\",\"document\":null}";
    ManagementCommand c = ManagementCommand.of(ID, "kiosk-1", ManagementCommand.Kind.ROTATE_LOGS);
    assertThat(text(c.encode())).isEqualTo(expected);
    assertThat(ManagementCommand.decode(bytes(expected))).isEqualTo(c);

    ManagementCommand update = ManagementCommand.configUpdate(ID, "kiosk-1", "role: kiosk\n");
    assertThat(ManagementCommand.decode(update.encode())).isEqualTo(update);
    assertThat(update.toString()).doesNotContain("role: kiosk").contains("12 characters");
  }

  @Test
  void aResultIsWrittenInItsDocumentedOrderAndReadBack() throws Exception {
    ManagementResult r =
        ManagementResult.of(
            ManagementCommand.of(ID, "gate-2", ManagementCommand.Kind.RESYNC),
            ManagementResult.Status.ROLLED_BACK,
            Instant.parse("2026-12-01T01:02:03Z"),
            "undone");
    String expected =
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\","
            + "\"deviceId\":\"gate-2\",\"command\":\"resync\",\"status\":\"rolled-back\","
            + "\"repeated\":false,\"at\":\"2026-12-01T01:02:03Z\",\"detail\":\"undone\"}";
    assertThat(text(r.encode())).isEqualTo(expected);
    assertThat(ManagementResult.decode(bytes(expected))).isEqualTo(r);
    ManagementResult anonymous =
        new ManagementResult(
            Optional.empty(),
            "gate-2",
            Optional.empty(),
            ManagementResult.Status.REJECTED,
            false,
            Instant.parse("2026-12-01T01:02:03Z"),
            "not valid JSON");
    assertThat(ManagementResult.decode(anonymous.encode())).isEqualTo(anonymous);
    assertThat(ManagementResult.decode(r.asRepeated().encode()).repeated()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"format-disk\",\"document\":null}",
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"resync\",\"document\":\"x\"}",
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"config-update\",\"document\":null}",
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"resync\"}",
        "{\"schemaVersion\":1,\"id\":\"7D0C3F4E-1B2A-4C5D-8E9F-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"resync\",\"document\":null}",
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k/+\","
            + "\"command\":\"resync\",\"document\":null}",
        "{\"schemaVersion\":2,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"resync\",\"document\":null}",
        "{\"schemaVersion\":1,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"deviceId\":\"k\","
            + "\"command\":\"resync\",\"document\":null,\"sudo\":true}",
        "[]",
        "not json"
      })
  void malformedCommandsAreRefused(String payload) {
    assertThatThrownBy(() -> ManagementCommand.decode(bytes(payload)))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void anOversizedOrDeeplyNestedCommandIsRefusedBeforeItIsRead() {
    byte[] huge = new byte[ManagementCommand.MAX_BYTES + 1];
    assertThatThrownBy(() -> ManagementCommand.decode(huge))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("exceeds the limit");
    String deep = "{\"id\":" + "[".repeat(1024) + "]".repeat(1024) + "}";
    assertThatThrownBy(() -> ManagementCommand.decode(bytes(deep)))
        .isInstanceOf(PayloadException.class)
        .hasMessageContaining("nested deeper");
    assertThat(ManagementCommand.readableId(bytes(deep))).isEmpty();
  }

  @Test
  void theIdOfABrokenCommandIsReadWhenItCanBe() {
    String broken =
        "{\"schemaVersion\":9,\"id\":\"7d0c3f4e-1b2a-4c5d-8e9f-001122334455\",\"command\":7}";
    assertThat(ManagementCommand.readableId(bytes(broken))).contains(ID);
  }

  @Test
  void aDocumentOverTheConfigurationLimitIsRefused() {
    String big = "x".repeat(ManagementCommand.MAX_DOCUMENT_CHARS + 1);
    assertThatThrownBy(() -> ManagementCommand.configUpdate(ID, "k", big))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
