package org.shiori.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

class SyncCodecTest {
  private static final PatronKey KEY = new PatronKey("00112233445566778899aabbccddeeff");
  private final SyncCodec codec = new SyncCodec("city");

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void anItemDeltaEncodesToExactBytesWithSortedFlags() throws PayloadException {
    ItemRecord item =
        new ItemRecord(
            "1000123456",
            "吾輩は猫である",
            "book",
            "main",
            ItemStatus.ON_LOAN,
            Set.of("open", "ill-ndl"),
            2,
            Optional.of(KEY));
    SyncMessage m =
        new SyncMessage(
            "city",
            Dataset.ITEMS,
            false,
            452,
            0,
            1,
            List.of(item),
            List.of("99"),
            Optional.empty());
    assertThat(text(codec.encode(m)))
        .isEqualTo(
            "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"items\",\"kind\":\"delta\","
                + "\"sequence\":452,\"chunk\":0,\"chunks\":1,\"upserts\":[{\"itemId\":\"1000123456\","
                + "\"title\":\"吾輩は猫である\",\"material\":\"book\",\"homeBranch\":\"main\","
                + "\"status\":\"ON_LOAN\",\"flags\":[\"ill-ndl\",\"open\"],\"parts\":2,"
                + "\"holdFor\":\"00112233445566778899aabbccddeeff\"}],\"deletes\":[\"99\"]}");
    assertThat(codec.decode(codec.encode(m), Dataset.ITEMS)).isEqualTo(m);
  }

  @Test
  @DisplayName(
      "R-ILL-3 R-GROUP-3 an ILL item carries its lending library, lending branch and the lending"
          + " library's instructions, byte for byte")
  void anIllItemEncodesItsLenderToExactBytes() throws PayloadException {
    ItemRecord item =
        new ItemRecord(
                "1000123457",
                "坊っちゃん",
                "book",
                "main",
                ItemStatus.AVAILABLE,
                Set.of("ill-other"),
                1,
                Optional.empty())
            .withLendingLibrary(
                "ehime-pref",
                new LenderInstructions(
                    Optional.of(LocalDate.parse("2027-07-31")),
                    Optional.of(java.time.Period.ofWeeks(3)),
                    true))
            .withLendingBranch("hojo");
    SyncMessage m =
        new SyncMessage(
            "city", Dataset.ITEMS, false, 453, 0, 1, List.of(item), List.of(), Optional.empty());
    assertThat(text(codec.encode(m)))
        .isEqualTo(
            "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"items\",\"kind\":\"delta\","
                + "\"sequence\":453,\"chunk\":0,\"chunks\":1,\"upserts\":[{\"itemId\":\"1000123457\","
                + "\"title\":\"坊っちゃん\",\"material\":\"book\",\"homeBranch\":\"main\","
                + "\"status\":\"AVAILABLE\",\"flags\":[\"ill-other\"],\"parts\":1,\"holdFor\":null,"
                + "\"lendingLibrary\":\"ehime-pref\",\"lendingBranch\":\"hojo\","
                + "\"lenderInstructions\":{\"dueDate\":\"2027-07-31\",\"period\":\"P21D\","
                + "\"inLibraryOnly\":true}}],\"deletes\":[]}");
    assertThat(codec.decode(codec.encode(m), Dataset.ITEMS)).isEqualTo(m);
  }

  @Test
  void anItemOfTheFirstVersionWithoutLenderFieldsStillReads() throws PayloadException {
    String v1 =
        "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"items\",\"kind\":\"delta\","
            + "\"sequence\":1,\"chunk\":0,\"chunks\":1,\"upserts\":[{\"itemId\":\"1\","
            + "\"title\":\"t\",\"material\":\"book\",\"homeBranch\":\"main\","
            + "\"status\":\"AVAILABLE\",\"flags\":[],\"parts\":1,\"holdFor\":null,"
            + "\"lendingLibrary\":null}],\"deletes\":[]}";
    ItemRecord item =
        (ItemRecord)
            codec.decode(v1.getBytes(StandardCharsets.UTF_8), Dataset.ITEMS).upserts().get(0);
    assertThat(item.lendingLibrary()).isEmpty();
    assertThat(item.lendingBranch()).isEmpty();
    assertThat(item.lenderInstructions()).isEqualTo(LenderInstructions.NONE);
  }

  @Test
  void aLenderPeriodThatIsNotAPositivePeriodIsRejected() {
    for (String period : List.of("\"P0D\"", "\"-P3D\"", "\"4 weeks\"", "\"P2Y\"", "3")) {
      String json =
          "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"items\",\"kind\":\"delta\","
              + "\"sequence\":1,\"chunk\":0,\"chunks\":1,\"upserts\":[{\"itemId\":\"1\","
              + "\"title\":\"t\",\"material\":\"book\",\"homeBranch\":\"main\","
              + "\"status\":\"AVAILABLE\",\"flags\":[],\"parts\":1,\"holdFor\":null,"
              + "\"lenderInstructions\":{\"period\":"
              + period
              + "}}],\"deletes\":[]}";
      assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), Dataset.ITEMS))
          .as(period)
          .isInstanceOf(PayloadException.class)
          .hasMessageContaining("period");
    }
  }

  @Test
  void aPatronSnapshotChunkEncodesToExactBytesWithSortedCounts() throws PayloadException {
    PatronSnapshot p =
        new PatronSnapshot(
            KEY,
            "group",
            LocalDate.parse("2030-03-31"),
            false,
            true,
            Map.of("video", 1, "book", 3),
            2,
            1,
            4,
            Optional.of(LocalDate.parse("2026-04-01")),
            "east");
    SyncMessage m =
        new SyncMessage(
            "city", Dataset.PATRONS, true, 17, 1, 3, List.of(p), List.of(), Optional.empty());
    assertThat(text(codec.encode(m)))
        .isEqualTo(
            "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"patrons\",\"kind\":\"snapshot\","
                + "\"sequence\":17,\"chunk\":1,\"chunks\":3,\"upserts\":[{\"key\":"
                + "\"00112233445566778899aabbccddeeff\",\"category\":\"group\",\"expiry\":\"2030-03-31\","
                + "\"staffBlock\":false,\"overdue\":true,\"loansByMaterial\":{\"book\":3,\"video\":1},"
                + "\"illThisFiscalYear\":2,\"illOnLoan\":1,\"holdsAndRequests\":4,"
                + "\"groupConfirmedOn\":\"2026-04-01\",\"homeBranch\":\"east\"}],\"deletes\":[]}");
    assertThat(codec.decode(codec.encode(m), Dataset.PATRONS)).isEqualTo(m);
  }

  @Test
  void holdsAndDocumentsRoundTrip() throws PayloadException {
    SyncMessage holds =
        new SyncMessage(
            "city",
            Dataset.HOLDS,
            false,
            9,
            0,
            1,
            List.of(new HoldRecord("1000123456", KEY, "main")),
            List.of("1000999999"),
            Optional.empty());
    assertThat(codec.decode(codec.encode(holds), Dataset.HOLDS)).isEqualTo(holds);
    SyncMessage policy = SyncMessage.document("city", Dataset.POLICY, false, 3, "loans: {}\n");
    assertThat(text(codec.encode(policy)))
        .isEqualTo(
            "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"policy\",\"kind\":\"delta\","
                + "\"sequence\":3,\"chunk\":0,\"chunks\":1,\"document\":\"loans: {}\\n\"}");
    assertThat(codec.decode(codec.encode(policy), Dataset.POLICY)).isEqualTo(policy);
  }

  @Test
  void aMessageOfAnotherTenantOrDataSetIsRefused() {
    SyncMessage other = SyncMessage.document("town", Dataset.CALENDAR, true, 1, "x");
    assertThatThrownBy(() -> codec.decode(new SyncCodec("town").encode(other), Dataset.CALENDAR))
        .hasMessageContaining("tenant");
    SyncMessage calendar = SyncMessage.document("city", Dataset.CALENDAR, true, 1, "x");
    assertThatThrownBy(() -> codec.decode(codec.encode(calendar), Dataset.POLICY))
        .isInstanceOf(PayloadException.class);
  }

  @Test
  void jsonNestedOneThousandTwentyFourDeepIsRefusedCleanly() {
    String deep =
        "{\"schemaVersion\":1,\"tenant\":\"city\",\"x\":"
            + "[".repeat(1024)
            + "]".repeat(1024)
            + "}";
    assertThatThrownBy(
            () ->
                codec.decode(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8), Dataset.ITEMS))
        .isExactlyInstanceOf(PayloadException.class)
        .hasMessageContaining("nested deeper than 16");
    assertThatThrownBy(
            () -> CentralRequest.decode(deep.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isExactlyInstanceOf(PayloadException.class);
  }

  @Test
  void aVersionBeyondTwoToTheFiftyThreeIsRefused() {
    String json =
        "{\"schemaVersion\":1,\"tenant\":\"city\",\"dataset\":\"items\",\"kind\":\"delta\","
            + "\"sequence\":"
            + Long.MAX_VALUE
            + ",\"chunk\":0,\"chunks\":1,\"upserts\":[],\"deletes\":[]}";
    assertThatThrownBy(
            () ->
                codec.decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Dataset.ITEMS))
        .isExactlyInstanceOf(PayloadException.class)
        .hasMessageContaining("sequence");
    String highest =
        json.replace(String.valueOf(Long.MAX_VALUE), String.valueOf(SyncCodec.MAX_SEQUENCE));
    org.assertj.core.api.Assertions.assertThatCode(
            () ->
                codec.decode(
                    highest.getBytes(java.nio.charset.StandardCharsets.UTF_8), Dataset.ITEMS))
        .doesNotThrowAnyException();
  }

  @Test
  void requestsAndLoanListsEncodeToExactBytes() throws PayloadException {
    assertThat(text(CentralRequest.loansWithoutProof(KEY).encode()))
        .isEqualTo(
            "{\"schemaVersion\":1,\"request\":\"loans\",\"dataset\":null,\"have\":null,"
                + "\"patron\":\"00112233445566778899aabbccddeeff\"}");
    assertThat(CentralRequest.decode(CentralRequest.resync(Dataset.HOLDS, 4).encode()))
        .isEqualTo(CentralRequest.resync(Dataset.HOLDS, 4));
    LoanList list =
        LoanList.of(
            List.of(new LoanList.Loan("1000123456", "坊っちゃん", LocalDate.parse("2026-12-05"))));
    assertThat(text(list.encode()))
        .isEqualTo(
            "{\"schemaVersion\":1,\"status\":\"ok\",\"reason\":null,\"loans\":[{\"itemId\":"
                + "\"1000123456\",\"title\":\"坊っちゃん\",\"dueDate\":\"2026-12-05\"}]}");
    assertThat(LoanList.decode(list.encode())).isEqualTo(list);
    assertThat(LoanList.decode(LoanList.failed("UNKNOWN_PATRON").encode()).error())
        .contains("UNKNOWN_PATRON");
  }
}
