package org.shiori.circulation.policy.check;

import java.util.Map;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.Message;

/** Builds the fixed refusals of the checks once, from the policy's messages. */
final class Refusals {
  private Refusals() {}

  static Decision refuse(Map<String, Message> messages, String code, String ruleId) {
    Message message = messages.get(code);
    if (message == null) {
      throw new IllegalStateException("the policy has no message for " + code);
    }
    return Decision.refuse(code, ruleId, message);
  }
}
