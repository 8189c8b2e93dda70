package org.shiori.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shiori.circulation.domain.PatronKey;

/** Loans and renewal requests with the patron's proof (schema version 3), byte for byte. */
class PatronProofCodecTest {
  private static final PatronKey KEY = new PatronKey("a1b2c3d4e5f60718293a4b5c6d7e8f90");
  private static final String CARD = "A1000000001B";

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aLoansRequestCarriesTheCardAsSchemaVersionThree() throws Exception {
    String expected =
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,"
            + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\","
            + "\"pin\":null,\"itemId\":null}";
    CentralRequest request = CentralRequest.loans(KEY, PatronProof.card(CARD));
    assertThat(text(request.encode())).isEqualTo(expected);
    assertThat(CentralRequest.decode(bytes(expected))).isEqualTo(request);
  }

  @Test
  void aRenewalCarriesCardPinAndItem() throws Exception {
    String expected =
        "{\"schemaVersion\":3,\"request\":\"renew\",\"dataset\":null,\"have\":null,"
            + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\","
            + "\"pin\":\"1234\",\"itemId\":\"1000123456\"}";
    CentralRequest request =
        CentralRequest.renew(KEY, PatronProof.card(CARD).withPin("1234"), "1000123456");
    assertThat(text(request.encode())).isEqualTo(expected);
    assertThat(CentralRequest.decode(bytes(expected))).isEqualTo(request);
  }

  @Test
  void aLoansRequestOfVersionOneReadsAsOneWithoutProof() throws Exception {
    CentralRequest old =
        CentralRequest.decode(
            bytes(
                "{\"schemaVersion\":1,\"request\":\"loans\",\"dataset\":null,\"have\":null,"
                    + "\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\"}"));
    assertThat(old.kind()).isEqualTo(CentralRequest.Kind.LOANS);
    assertThat(old.proof()).isEmpty();
    assertThat(old.schemaVersion()).isEqualTo(1);
  }

  @Test
  void neitherCardNorPinAppearsInToString() {
    String shown =
        CentralRequest.renew(KEY, PatronProof.card(CARD).withPin("8642"), "1000123456").toString();
    assertThat(shown).doesNotContain(CARD).doesNotContain("8642").contains("hidden");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // no card; a card with a space; a renewal without an item; a loans request with one
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":null,\"pin\":null,\"itemId\":null}",
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000 0001B\",\"pin\":null,\"itemId\":null}",
        "{\"schemaVersion\":3,\"request\":\"renew\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\",\"pin\":null,\"itemId\":null}",
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\",\"pin\":null,\"itemId\":\"1\"}",
        // a field missing, an unknown one, a short PIN, a resync or PIN check in version 3
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\",\"pin\":null}",
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\",\"pin\":null,\"itemId\":null,\"x\":1}",
        "{\"schemaVersion\":3,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\",\"pin\":\"12\",\"itemId\":null}",
        "{\"schemaVersion\":3,\"request\":\"resync\",\"dataset\":\"items\",\"have\":1,\"patron\":null,\"card\":null,\"pin\":null,\"itemId\":null}",
        "{\"schemaVersion\":4,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\",\"pin\":null,\"itemId\":null}",
        // a card field in version 1
        "{\"schemaVersion\":1,\"request\":\"loans\",\"dataset\":null,\"have\":null,\"patron\":\"a1b2c3d4e5f60718293a4b5c6d7e8f90\",\"card\":\"A1000000001B\"}",
      })
  void malformedRequestsAreRefusedWithoutShowingTheCard(String payload) {
    assertThatThrownBy(() -> CentralRequest.decode(bytes(payload)))
        .isInstanceOf(PayloadException.class)
        .message()
        .doesNotContain("A1000000001B");
  }

  @Test
  void renewalAnswersAreByteStable() throws Exception {
    assertThat(text(RenewalAnswer.renewed("1000123456", LocalDate.of(2026, 12, 19)).encode()))
        .isEqualTo(
            "{\"schemaVersion\":1,\"status\":\"renewed\",\"reason\":null,"
                + "\"itemId\":\"1000123456\",\"dueDate\":\"2026-12-19\"}");
    assertThat(text(RenewalAnswer.refused("1000123456", "RENEWAL_LIMIT").encode()))
        .isEqualTo(
            "{\"schemaVersion\":1,\"status\":\"refused\",\"reason\":\"RENEWAL_LIMIT\","
                + "\"itemId\":\"1000123456\",\"dueDate\":null}");
    for (RenewalAnswer a :
        new RenewalAnswer[] {
          RenewalAnswer.renewed("i", LocalDate.of(2027, 1, 5)),
          RenewalAnswer.refused("i", "HOLD_FOR_OTHER"),
          RenewalAnswer.failed("i", "RATE_LIMITED")
        }) {
      assertThat(RenewalAnswer.decode(a.encode())).isEqualTo(a);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"schemaVersion\":1,\"status\":\"renewed\",\"reason\":null,\"itemId\":\"i\",\"dueDate\":null}",
        "{\"schemaVersion\":1,\"status\":\"refused\",\"reason\":null,\"itemId\":\"i\",\"dueDate\":null}",
        "{\"schemaVersion\":1,\"status\":\"refused\",\"reason\":\"X\",\"itemId\":\"i\",\"dueDate\":\"2026-12-19\"}",
        "{\"schemaVersion\":1,\"status\":\"renewed\",\"reason\":null,\"dueDate\":\"2026-12-19\"}",
        "{\"schemaVersion\":2,\"status\":\"renewed\",\"reason\":null,\"itemId\":\"i\",\"dueDate\":\"2026-12-19\"}",
      })
  void malformedRenewalAnswersAreRefused(String payload) {
    assertThatThrownBy(() -> RenewalAnswer.decode(bytes(payload)))
        .isInstanceOf(PayloadException.class);
  }
}
