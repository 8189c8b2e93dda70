package org.shiori.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shiori.circulation.domain.PatronKey;

/** The PIN check request (schema version 2) and its answer, byte for byte. */
class PinCheckCodecTest {
  private static final PatronKey KEY = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aPinCheckIsWrittenAsSchemaVersionTwo() throws Exception {
    String expected =
        "{\"schemaVersion\":2,\"request\":\"pin\",\"dataset\":null,\"have\":null,"
            + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":\"1234\"}";
    assertThat(text(CentralRequest.pinCheck(KEY, "1234").encode())).isEqualTo(expected);
    assertThat(CentralRequest.decode(bytes(expected)))
        .isEqualTo(CentralRequest.pinCheck(KEY, "1234"));
  }

  @Test
  void loansAndResyncStayVersionOneAndVersionTwoReadsThemToo() throws Exception {
    assertThat(text(CentralRequest.loansWithoutProof(KEY).encode()))
        .startsWith("{\"schemaVersion\":1,");
    assertThat(
            CentralRequest.decode(
                bytes(
                    "{\"schemaVersion\":2,\"request\":\"loans\",\"dataset\":null,\"have\":null,"
                        + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"}")))
        .isEqualTo(CentralRequest.loansWithoutProof(KEY));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // a PIN request or field in version 1
        "{\"schemaVersion\":1,\"request\":\"pin\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":\"1234\"}",
        "{\"schemaVersion\":1,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":\"1234\"}",
        // no PIN, a short one, letters, a number instead of text
        "{\"schemaVersion\":2,\"request\":\"pin\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"}",
        "{\"schemaVersion\":2,\"request\":\"pin\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":\"123\"}",
        "{\"schemaVersion\":2,\"request\":\"pin\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":\"12a4\"}",
        "{\"schemaVersion\":2,\"request\":\"pin\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":1234}",
        "{\"schemaVersion\":3,\"request\":\"pin\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"pin\":\"1234\"}",
      })
  void malformedPinChecksAreRefused(String payload) {
    assertThatThrownBy(() -> CentralRequest.decode(bytes(payload)))
        .isInstanceOf(PayloadException.class)
        .message()
        .doesNotContain("1234");
  }

  @Test
  void thePinNeverAppearsInToString() {
    assertThat(CentralRequest.pinCheck(KEY, "8642").toString())
        .doesNotContain("8642")
        .contains("hidden");
  }

  @Test
  void answersAreByteStable() throws Exception {
    assertThat(text(PinAnswer.right().encode()))
        .isEqualTo("{\"schemaVersion\":1,\"status\":\"right\",\"reason\":null}");
    assertThat(text(PinAnswer.wrong().encode()))
        .isEqualTo("{\"schemaVersion\":1,\"status\":\"wrong\",\"reason\":null}");
    assertThat(text(PinAnswer.failed("UNKNOWN_PATRON").encode()))
        .isEqualTo("{\"schemaVersion\":1,\"status\":\"error\",\"reason\":\"UNKNOWN_PATRON\"}");
    for (PinAnswer a :
        new PinAnswer[] {PinAnswer.right(), PinAnswer.wrong(), PinAnswer.failed("X")}) {
      assertThat(PinAnswer.decode(a.encode())).isEqualTo(a);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"schemaVersion\":1,\"status\":\"right\",\"reason\":\"X\"}",
        "{\"schemaVersion\":1,\"status\":\"error\",\"reason\":null}",
        "{\"schemaVersion\":1,\"status\":\"maybe\",\"reason\":null}",
        "{\"schemaVersion\":1,\"status\":\"right\",\"reason\":null,\"pin\":\"1234\"}",
        "{\"schemaVersion\":2,\"status\":\"right\",\"reason\":null}",
      })
  void malformedAnswersAreRefused(String payload) {
    assertThatThrownBy(() -> PinAnswer.decode(bytes(payload))).isInstanceOf(PayloadException.class);
  }
}
