package org.shiori.gate.passage;

import org.shiori.circulation.domain.ItemStatus;
import org.shiori.config.AlarmMode;

/**
 * The gate's decision table (docs/gate.md), a pure function of the alarm mode and what was read:
 *
 * <pre>
 * mode         tag secured   cached status        alarm   mismatch
 * afi / eas    yes           -                    yes     no
 * afi / eas    no / unread   -                    no      no
 * database     -             ON_LOAN              no      no
 * database     -             any other            yes     no
 * database     -             not cached           no      no
 * cross-check  yes           ON_LOAN              yes     yes
 * cross-check  no            not ON_LOAN          yes     yes
 * cross-check  yes           not ON_LOAN          yes     no
 * cross-check  no            ON_LOAN              no      no
 * cross-check  yes / no      not cached           tag     no
 * </pre>
 *
 * An item unknown to the cache (another library's item, or one not synced yet) does not alarm on
 * the database alone: the gate cannot tell it is ours, and a false alarm accuses a patron.
 */
public final class AlarmRule {
  private AlarmRule() {}

  public static AlarmVerdict decide(AlarmMode mode, TagFacts facts) {
    boolean tagAlarm = facts.tagSecured().orElse(false);
    boolean known = facts.status().isPresent();
    boolean databaseAlarm = known && facts.status().get() != ItemStatus.ON_LOAN;
    switch (mode) {
      case AFI:
      case EAS:
        return new AlarmVerdict(tagAlarm, false);
      case DATABASE:
        return new AlarmVerdict(databaseAlarm, false);
      default:
        boolean mismatch = known && facts.tagSecured().isPresent() && tagAlarm != databaseAlarm;
        return new AlarmVerdict(tagAlarm || databaseAlarm, mismatch);
    }
  }
}
