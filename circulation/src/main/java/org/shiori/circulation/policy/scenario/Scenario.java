package org.shiori.circulation.policy.scenario;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.LoanChannel;

/**
 * One librarian-written case as data: given a patron, a branch and a moment, when these actions
 * happen in order, then each gives what is expected. {@link ScenarioRunner} executes it against the
 * rules; nothing here runs anything.
 *
 * @param name the case name, with the rule IDs it covers
 * @param line where it is written
 * @param given the situation
 * @param steps the actions in order, each with what it must give
 */
public record Scenario(String name, int line, Given given, List<Step> steps) {
  public Scenario {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(given, "given");
    steps = List.copyOf(steps);
  }

  /**
   * The situation of a case.
   *
   * @param patron the patron (always the same key, {@link ScenarioReader#SELF})
   * @param pinVerified whether the patron entered their PIN
   * @param session items lent earlier in the session
   * @param branch the kiosk's service point
   * @param now the moment of the case
   */
  public record Given(
      PatronSnapshot patron,
      boolean pinVerified,
      List<ItemRecord> session,
      String branch,
      ZonedDateTime now) {
    public Given {
      Objects.requireNonNull(patron, "patron");
      session = List.copyOf(session);
      Objects.requireNonNull(branch, "branch");
      Objects.requireNonNull(now, "now");
    }
  }

  /** One action and its expectation. */
  public record Step(When when, Then then) {
    public Step {
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(then, "then");
    }
  }

  /** What happens. */
  public sealed interface When
      permits Checkout, Renewal, Return, HoldRequest, CalendarDays, DueDate {}

  /**
   * One item put on the pad; an item lent counts for the next checkout of the case (R-LIMIT-7).
   *
   * @param item the item
   * @param partsOnPad how many of its parts are on the pad
   * @param splitRequested the patron asked for the parts on the pad (R-LIMIT-5)
   * @param channel kiosk, or home delivery by staff
   */
  public record Checkout(
      ItemRecord item, int partsOnPad, boolean splitRequested, LoanChannel channel)
      implements When {}

  /** A renewal of an item on loan, renewed {@code renewalsSoFar} times already. */
  public record Renewal(ItemRecord item, int renewalsSoFar) implements When {}

  /** A return at the kiosk. */
  public record Return(ItemRecord item, boolean damaged, Optional<String> holdPickup)
      implements When {}

  /** A new hold or purchase request (R-HOLD-2). */
  public record HoldRequest() implements When {}

  /**
   * The due date of a loan on the case's day without limits or blocks ({@code policy due-date}).
   */
  public record DueDate(String category, String material, Set<String> flags, LoanChannel channel)
      implements When {
    public DueDate {
      flags = Set.copyOf(flags);
    }
  }

  /** A look at the branch's calendar. */
  public record CalendarDays() implements When {}

  /** What an action must give. */
  public sealed interface Then permits ExpectDecision, ExpectRoute, ExpectDays {}

  /**
   * A decision: its outcome, and when given its due date, reason code and rule id.
   *
   * @param outcome lend, refuse or ask the patron
   * @param due the due date; empty = any
   * @param reason the reason code; empty = any
   * @param rule the rule id; empty = any
   */
  public record ExpectDecision(
      Decision.Outcome outcome,
      Optional<LocalDate> due,
      Optional<String> reason,
      Optional<String> rule)
      implements Then {}

  /** A return route: the bin and where it goes, each empty = any. */
  public record ExpectRoute(Optional<ReturnRoute.Bin> bin, Optional<String> to) implements Then {}

  /** Days the calendar must show closed and open. */
  public record ExpectDays(Set<LocalDate> closed, Set<LocalDate> open) implements Then {
    public ExpectDays {
      closed = Set.copyOf(closed);
      open = Set.copyOf(open);
    }
  }
}
