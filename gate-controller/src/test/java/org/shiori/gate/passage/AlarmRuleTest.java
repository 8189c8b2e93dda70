package org.shiori.gate.passage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.AlarmMode;
import org.shiori.rfid.tag.TagUid;

/** The decision table of docs/gate.md, row by row: "-" means not read / not cached. */
class AlarmRuleTest {
  private static final TagUid UID = TagUid.fromHex("E004010000000001");

  @ParameterizedTest(name = "{0}: tag secured={1}, status={2} -> alarm={3}, mismatch={4}")
  @CsvSource({
    // mode,      tag, status,        alarm, mismatch
    "AFI,         yes, -,             true,  false",
    "AFI,         no,  -,             false, false",
    "AFI,         -,   -,             false, false",
    "AFI,         no,  AVAILABLE,     false, false",
    "EAS,         yes, -,             true,  false",
    "EAS,         yes, ON_LOAN,       true,  false",
    "EAS,         no,  -,             false, false",
    "DATABASE,    -,   ON_LOAN,       false, false",
    "DATABASE,    -,   AVAILABLE,     true,  false",
    "DATABASE,    -,   ON_HOLD_SHELF, true,  false",
    "DATABASE,    -,   LOST,          true,  false",
    "DATABASE,    -,   MISSING,       true,  false",
    "DATABASE,    -,   WITHDRAWN,     true,  false",
    "DATABASE,    -,   IN_REPAIR,     true,  false",
    "DATABASE,    -,   IN_TRANSIT,    true,  false",
    "DATABASE,    yes, ON_LOAN,       false, false",
    "DATABASE,    -,   -,             false, false",
    "CROSS_CHECK, yes, AVAILABLE,     true,  false",
    "CROSS_CHECK, no,  ON_LOAN,       false, false",
    "CROSS_CHECK, yes, ON_LOAN,       true,  true",
    "CROSS_CHECK, no,  AVAILABLE,     true,  true",
    "CROSS_CHECK, no,  LOST,          true,  true",
    "CROSS_CHECK, yes, -,             true,  false",
    "CROSS_CHECK, no,  -,             false, false",
  })
  void decisionTable(AlarmMode mode, String tag, String status, boolean alarm, boolean mismatch) {
    TagFacts facts =
        new TagFacts(
            UID,
            tag.equals("-") ? Optional.empty() : Optional.of(tag.equals("yes")),
            Optional.of("item-1"),
            status.equals("-") ? Optional.empty() : Optional.of(ItemStatus.valueOf(status)),
            Optional.empty());

    assertThat(AlarmRule.decide(mode, facts)).isEqualTo(new AlarmVerdict(alarm, mismatch));
  }
}
