package org.shiori.device.rules;

import java.io.StringReader;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.load.CalendarDocument;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.policy.load.PolicyProblem;
import org.shiori.circulation.policy.load.PolicyReader;
import org.shiori.device.messaging.DocumentCheck;
import org.shiori.device.messaging.DocumentRefusedException;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns central's policy and calendar documents into the rules in use. A document is read and
 * checked as {@code policy check} does (every problem with line and column), and combined with the
 * other document in use; only if all of that succeeds is it put into use, for the next decision. A
 * refused document changes nothing and is reported to the listeners.
 */
public final class RulesUpdates implements DocumentCheck {
  private static final Logger LOG = LoggerFactory.getLogger(RulesUpdates.class);

  private final LiveRules rules;
  private final ZoneId zone;
  private final List<RefusalListener> refusalListeners = new CopyOnWriteArrayList<>();

  public RulesUpdates(LiveRules rules, ZoneId zone) {
    this.rules = rules;
    this.zone = zone;
  }

  /** Told of every refused document. */
  @FunctionalInterface
  public interface RefusalListener {
    void refused(Dataset dataset, long version, String why);
  }

  /** Told of every refused document: its data set, version and why. */
  public void addRefusalListener(RefusalListener listener) {
    refusalListeners.add(listener);
  }

  /**
   * Puts documents stored earlier into use at start-up, policy first; a stored document that no
   * longer passes is reported and skipped.
   */
  public void restore(Optional<SyncDocument> policy, Optional<SyncDocument> calendar) {
    for (Optional<SyncDocument> stored : List.of(policy, calendar)) {
      if (stored.isEmpty()) {
        continue;
      }
      SyncDocument d = stored.get();
      try {
        prepare(d.dataset(), d.sequence(), d.content()).run();
      } catch (DocumentRefusedException e) {
        LOG.warn("stored {} version {} not used: {}", d.dataset(), d.sequence(), e.getMessage());
      }
    }
  }

  @Override
  public Runnable prepare(Dataset dataset, long version, String text)
      throws DocumentRefusedException {
    RulesInUse now = rules.inUse();
    RulesInUse next;
    try {
      next =
          switch (dataset) {
            case POLICY -> withPolicy(now, version, text);
            case CALENDAR -> withCalendar(now, version, text);
            default -> throw new IllegalArgumentException(dataset + " is not a document");
          };
    } catch (PolicyException e) {
      throw refused(dataset, version, describe(e.problems()));
    } catch (IllegalArgumentException e) {
      throw refused(dataset, version, e.getMessage());
    }
    return () -> {
      if (!rules.replace(now, next)) {
        throw new IllegalStateException(dataset + " version " + version + " raced another update");
      }
      LOG.info(
          "rules in use: policy version {}, calendar version {}",
          next.policyVersion(),
          next.calendarVersion());
    };
  }

  private RulesInUse withPolicy(RulesInUse now, long version, String text) {
    String source = "central policy version " + version;
    CirculationPolicy base =
        new CirculationPolicy(PolicyReader.read(source, new StringReader(text)), zone);
    return new RulesInUse(
        now.calendar().applyTo(base), base, version, now.calendar(), now.calendarVersion());
  }

  private RulesInUse withCalendar(RulesInUse now, long version, String text) {
    CalendarDocument calendar = CalendarDocument.read("central calendar version " + version, text);
    return new RulesInUse(
        calendar.applyTo(now.base()), now.base(), now.policyVersion(), calendar, version);
  }

  private DocumentRefusedException refused(Dataset dataset, long version, String why) {
    for (RefusalListener l : refusalListeners) {
      try {
        l.refused(dataset, version, why);
      } catch (RuntimeException e) {
        LOG.warn("refusal listener failed: {}", e.toString());
      }
    }
    return new DocumentRefusedException(dataset.topicName() + " version " + version + ": " + why);
  }

  private static String describe(List<PolicyProblem> problems) {
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (PolicyProblem p : problems) {
      if (shown++ == 5) {
        b.append("; and ").append(problems.size() - 5).append(" more");
        break;
      }
      b.append(shown > 1 ? "; " : "").append(p);
    }
    return b.toString();
  }
}
