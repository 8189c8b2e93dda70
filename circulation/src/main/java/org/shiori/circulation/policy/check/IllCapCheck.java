package org.shiori.circulation.policy.check;

import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;
import org.shiori.circulation.policy.model.IllCap;

/**
 * R-ILL-4: interlibrary-loan caps per fiscal year (Matsuyama ILL rules Art. 6(2)) or at once
 * (Narita Art. 11), counting the ILL items lent earlier in the session.
 */
final class IllCapCheck implements Check {
  private final IllCap[] caps;
  private final Decision[] refusals;

  IllCapCheck(List<IllCap> caps, Map<String, Message> messages) {
    this.caps = caps.toArray(IllCap[]::new);
    this.refusals =
        caps.stream()
            .map(c -> Refusals.refuse(messages, ReasonCodes.ILL_LIMIT, c.ruleId()))
            .toArray(Decision[]::new);
  }

  @Override
  public Stage stage() {
    return Stage.LIMITS;
  }

  @Override
  public List<String> ruleIds() {
    return List.of("R-ILL-4");
  }

  @Override
  public Decision decide(Loan loan) {
    for (int c = 0; c < caps.length; c++) {
      IllCap cap = caps[c];
      if (!cap.counts(loan.item.flags())) {
        continue;
      }
      int inSession = 0;
      for (ItemRecord earlier : loan.lentThisSession) {
        if (cap.counts(earlier.flags())) {
          inSession++;
        }
      }
      boolean overYear =
          cap.perFiscalYear().isPresent()
              && loan.patron.illThisFiscalYear() + inSession + 1 > cap.perFiscalYear().getAsInt();
      boolean overConcurrent =
          cap.concurrent().isPresent()
              && loan.patron.illOnLoan() + inSession + 1 > cap.concurrent().getAsInt();
      if (overYear || overConcurrent) {
        return refusals[c];
      }
    }
    return null;
  }
}
