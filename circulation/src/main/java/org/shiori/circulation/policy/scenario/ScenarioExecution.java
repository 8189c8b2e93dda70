package org.shiori.circulation.policy.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.RenewalContext;
import org.shiori.circulation.policy.ReturnContext;
import org.shiori.circulation.policy.calendar.BranchCalendar;
import org.shiori.circulation.policy.check.CheckStep;
import org.shiori.circulation.policy.check.Explanation;

/** One run of a scenario: the steps in order, what differed, and what decided each step. */
final class ScenarioExecution {
  private final Scenario.Given given;
  private final CirculationRules rules;
  private final CirculationPolicy policy;
  private final List<ItemRecord> lent;
  private final List<String> mismatches = new ArrayList<>();
  private final List<String> explanation = new ArrayList<>();

  ScenarioExecution(Scenario.Given given, CirculationRules rules, CirculationPolicy policy) {
    this.given = given;
    this.rules = rules;
    this.policy = policy;
    this.lent = new ArrayList<>(given.session());
  }

  List<String> mismatches() {
    return mismatches;
  }

  List<String> explanation() {
    return explanation;
  }

  void mismatch(String text) {
    mismatches.add(text);
  }

  void run(int n, Scenario.Step step) {
    Scenario.When when = step.when();
    if (when instanceof Scenario.Checkout c) {
      CheckoutContext context =
          new CheckoutContext(
              given.patron(),
              c.item(),
              c.partsOnPad(),
              lent,
              given.branch(),
              given.now(),
              given.pinVerified(),
              c.channel(),
              c.splitRequested());
      Explanation e = rules.explainCheckout(context);
      decided("item " + n, describe(c.item()), e, step.then());
      if (e.decision().allowed()) {
        lent.add(c.item());
      }
    } else if (when instanceof Scenario.Renewal r) {
      Explanation e =
          rules.explainRenewal(
              new RenewalContext(
                  given.patron(),
                  r.item(),
                  r.renewalsSoFar(),
                  given.branch(),
                  given.now(),
                  given.pinVerified()));
      decided("renewal", describe(r.item()), e, step.then());
    } else if (when instanceof Scenario.HoldRequest) {
      Optional<Decision> refusal = rules.holdRequestRefusal(given.patron());
      explanation.add(
          "hold request: " + refusal.map(ScenarioExecution::describe).orElse("allowed"));
      compare("hold request", refusal.orElse(null), step.then());
    } else if (when instanceof Scenario.Return r) {
      ReturnRoute route =
          rules.route(
              new ReturnContext(
                  r.item(), given.branch(), r.damaged(), given.now(), r.holdPickup()));
      explanation.add(
          "return (" + describe(r.item()) + "): " + route.bin() + " to " + route.targetBranch());
      if (step.then() instanceof Scenario.ExpectRoute expect) {
        expect
            .bin()
            .filter(b -> b != route.bin())
            .ifPresent(b -> mismatches.add("expected bin " + b + ", got " + route.bin()));
        expect
            .to()
            .filter(t -> !t.equals(route.targetBranch()))
            .ifPresent(t -> mismatches.add("expected to " + t + ", got " + route.targetBranch()));
      }
    } else if (when instanceof Scenario.CalendarDays) {
      BranchCalendar cal = policy.calendar(given.branch());
      if (step.then() instanceof Scenario.ExpectDays expect) {
        new TreeSet<>(expect.closed())
            .stream()
                .filter(cal::isOpen)
                .forEach(day -> mismatches.add(day + " expected closed, is open"));
        new TreeSet<>(expect.open())
            .stream()
                .filter(cal::isClosed)
                .forEach(day -> mismatches.add(day + " expected open, is closed"));
        explanation.add(
            "calendar of "
                + given.branch()
                + ": "
                + expect.closed().size()
                + " closed and "
                + expect.open().size()
                + " open days checked");
      }
    } else if (when instanceof Scenario.DueDate q) {
      LocalDate due =
          policy.dueDate(
              q.category(),
              q.material(),
              q.flags(),
              given.branch(),
              given.now().toLocalDate(),
              q.channel());
      explanation.add("due date of " + q.material() + " for " + q.category() + ": " + due);
      if (step.then() instanceof Scenario.ExpectDecision expect) {
        expect
            .due()
            .filter(x -> !x.equals(due))
            .ifPresent(x -> mismatches.add("expected due " + x + ", got " + due));
      }
    }
  }

  private void decided(String what, String item, Explanation e, Scenario.Then then) {
    explanation.add(what + " (" + item + "): " + describe(e.decision()));
    for (CheckStep s : e.steps()) {
      explanation.add("  " + s);
    }
    compare(what, e.decision(), then);
  }

  private void compare(String what, Decision d, Scenario.Then then) {
    if (!(then instanceof Scenario.ExpectDecision expect)) {
      mismatches.add(what + ": the case expects no decision");
      return;
    }
    Decision.Outcome outcome = d == null ? Decision.Outcome.LEND : d.outcome();
    if (outcome != expect.outcome()) {
      mismatches.add(
          what
              + ": expected "
              + describe(expect)
              + ", got "
              + (d == null ? "allowed" : describe(d)));
      return;
    }
    if (d == null) {
      return;
    }
    expect
        .due()
        .filter(x -> !d.dueDate().equals(Optional.of(x)))
        .ifPresent(
            x ->
                mismatches.add(what + ": expected due " + x + ", got " + d.dueDate().orElse(null)));
    expect
        .reason()
        .filter(x -> !d.reasonCode().equals(Optional.of(x)))
        .ifPresent(
            x ->
                mismatches.add(
                    what + ": expected reason " + x + ", got " + d.reasonCode().orElse("-")));
    expect
        .rule()
        .filter(x -> !x.equals(d.ruleId()))
        .ifPresent(x -> mismatches.add(what + ": expected rule " + x + ", got " + d.ruleId()));
  }

  private static String describe(Scenario.ExpectDecision e) {
    return switch (e.outcome()) {
      case LEND -> "lend " + e.due().map(LocalDate::toString).orElse("");
      case REFUSE -> "refuse " + e.reason().orElse("");
      case ASK_PATRON -> "ask " + e.reason().orElse("");
    };
  }

  static String describe(Decision d) {
    return switch (d.outcome()) {
      case LEND -> "lend " + d.dueDate().orElseThrow() + " (" + d.ruleId() + ")";
      case REFUSE -> "refuse " + d.reasonCode().orElseThrow() + " (" + d.ruleId() + ")";
      case ASK_PATRON -> "ask " + d.reasonCode().orElseThrow() + " (" + d.ruleId() + ")";
    };
  }

  private static String describe(ItemRecord item) {
    return item.material()
        + (item.flags().isEmpty() ? "" : " " + new TreeSet<>(item.flags()))
        + (item.parts() > 1 ? ", " + item.parts() + " parts" : "")
        + (item.status() == org.shiori.circulation.domain.ItemStatus.AVAILABLE
            ? ""
            : ", " + item.status());
  }
}
