package org.shiori.circulation.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.calendar.AdjustedHolidays;
import org.shiori.circulation.policy.calendar.BranchCalendar;
import org.shiori.circulation.policy.calendar.CalendarOverride;
import org.shiori.circulation.policy.calendar.JapaneseNationalHolidays;
import org.shiori.circulation.policy.calendar.NationalHolidays;
import org.shiori.circulation.policy.check.CheckChain;
import org.shiori.circulation.policy.check.Checks;
import org.shiori.circulation.policy.check.Explanation;
import org.shiori.circulation.policy.check.Loan;
import org.shiori.circulation.policy.check.RuleIndex;
import org.shiori.circulation.policy.model.BranchDefinition;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.circulation.policy.model.PolicyDefinition;

/**
 * A loaded policy: the circulation rules of one library with the calendars of its service points.
 * Immutable and thread-safe; every answer is a function of the policy and the arguments (the time
 * comes in the context). Calendar updates from central produce a new instance ({@link
 * #withCalendarOverride}).
 *
 * <p>A checkout runs the checks of {@link Checks#checkout} in their documented order, the first
 * answer wins: eligibility, patron blocks, item state, rule selection, limits, due date
 * (docs/policy.md, "Order of the checks").
 */
public final class CirculationPolicy implements CirculationRules {

  private final PolicyDefinition definition;
  private final ZoneId zone;
  private final NationalHolidays holidays;
  private final Map<String, BranchCalendar> calendars;
  private final RuleIndex index;
  private final Map<String, Message> messages;
  private final CheckChain checkoutChecks;
  private final CheckChain renewalChecks;
  private final Decision categoryUnknown;
  private final Decision holdLimit;

  /** Builds the indexes and the calendars of every branch. */
  public CirculationPolicy(PolicyDefinition definition, ZoneId zone) {
    this(definition, zone, holidaysOf(definition), null, null);
  }

  private CirculationPolicy(
      PolicyDefinition definition,
      ZoneId zone,
      NationalHolidays holidays,
      Map<String, BranchCalendar> calendars,
      RuleIndex index) {
    this.definition = Objects.requireNonNull(definition, "definition");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.holidays = holidays;
    this.calendars = Map.copyOf(calendars != null ? calendars : calendarsOf(definition, holidays));
    this.messages = definition.messages();
    this.index = index != null ? index : new RuleIndex(definition, messages);
    this.checkoutChecks = Checks.checkout(definition, this.index, this.calendars);
    this.renewalChecks = Checks.renewal(definition, this.index, this.calendars);
    this.categoryUnknown =
        Decision.refuse(
            ReasonCodes.CATEGORY_UNKNOWN, "POLICY", messages.get(ReasonCodes.CATEGORY_UNKNOWN));
    this.holdLimit =
        Decision.refuse(ReasonCodes.HOLD_LIMIT, "R-HOLD-2", messages.get(ReasonCodes.HOLD_LIMIT));
  }

  private static NationalHolidays holidaysOf(PolicyDefinition def) {
    return new AdjustedHolidays(
        new JapaneseNationalHolidays(), def.holidaysAdded(), def.holidaysRemoved());
  }

  private static Map<String, BranchCalendar> calendarsOf(
      PolicyDefinition def, NationalHolidays holidays) {
    Map<String, BranchCalendar> result = new HashMap<>();
    for (BranchDefinition b : def.branches().values()) {
      result.put(
          b.id(),
          new BranchCalendar(
              b.id(),
              b.closures(),
              holidays,
              b.hours(),
              b.override(),
              def.firstYear(),
              def.lastYear()));
    }
    return result;
  }

  // ---------------------------------------------------------------- checkout and renewal

  @Override
  public Decision checkout(CheckoutContext context) {
    return checkoutChecks.decide(loan(context));
  }

  /** The decision of {@link #checkout} with the checks that ran and what each found. */
  @Override
  public Explanation explainCheckout(CheckoutContext context) {
    return checkoutChecks.explain(loan(context));
  }

  private Loan loan(CheckoutContext context) {
    return Loan.of(context, today(context.now()), branchIndex(context.branch()));
  }

  /**
   * Decides a renewal: eligibility and the patron checks of a checkout, no renewal when another
   * patron holds the item (R-ITEM-2), and at most the renewals of the item's loan rule (none for
   * ILL items, R-ILL-2). The new due date counts from today.
   */
  @Override
  public Decision renew(RenewalContext context) {
    return renewalChecks.decide(renewalLoan(context));
  }

  /** The decision of {@link #renew} with the checks that ran. */
  @Override
  public Explanation explainRenewal(RenewalContext context) {
    return renewalChecks.explain(renewalLoan(context));
  }

  private Loan renewalLoan(RenewalContext context) {
    return Loan.of(context, today(context.now()), branchIndex(context.branch()));
  }

  /** The checks of a checkout, in order. */
  public CheckChain checkoutChecks() {
    return checkoutChecks;
  }

  /** The checks of a renewal, in order. */
  public CheckChain renewalChecks() {
    return renewalChecks;
  }

  /**
   * The refusal of a new hold or purchase request when the patron's holds plus requests are at the
   * category's limit (R-HOLD-2); empty when the request may be placed.
   */
  @Override
  public Optional<Decision> holdRequestRefusal(PatronSnapshot patron) {
    int category = index.category(patron.category());
    if (category < 0) {
      return Optional.of(categoryUnknown);
    }
    PatronCategory c = index.categoryAt(category);
    if (c.holdLimit().isPresent() && patron.holdsAndRequests() >= c.holdLimit().getAsInt()) {
      return Optional.of(holdLimit);
    }
    return Optional.empty();
  }

  /** The index of a branch of the policy; an unknown branch is a device configuration error. */
  private int branchIndex(String branch) {
    int b = index.branch(branch);
    if (b < 0) {
      calendar(branch);
    }
    return b;
  }

  private LocalDate today(ZonedDateTime now) {
    return now.getZone().equals(zone)
        ? now.toLocalDate()
        : now.withZoneSameInstant(zone).toLocalDate();
  }

  // ---------------------------------------------------------------- returns

  /**
   * Routes a return, first match wins: damaged, lost, missing, withdrawn or in-repair items to
   * staff (R-RET-3, R-RET-4, R-ITEM-3); an interlibrary-loan item back to the library that lent it
   * (R-ILL-2; ILL rules Art. 2, 8(2), 10); a waiting hold to the hold shelf here or at its pickup
   * branch (R-HOLD-3); a loan whose return goes back to its lending branch there (R-GROUP-3, 団体貸出要領
   * Art. 10); an item of another branch home (R-RET-1); else the shelf.
   */
  @Override
  public ReturnRoute route(ReturnContext context) {
    ItemRecord item = context.item();
    String here = context.branch();
    ItemStatus status = item.status();
    if (context.damageReported()
        || status == ItemStatus.LOST
        || status == ItemStatus.MISSING
        || status == ItemStatus.WITHDRAWN
        || status == ItemStatus.IN_REPAIR) {
      return new ReturnRoute(ReturnRoute.Bin.STAFF, here, messages.get(ReasonCodes.RETURN_STAFF));
    }
    if (item.lendingLibrary().isPresent()) {
      return new ReturnRoute(
          ReturnRoute.Bin.LENDING_LIBRARY,
          item.lendingLibrary().get(),
          messages.get(ReasonCodes.RETURN_LENDING_LIBRARY));
    }
    if (item.holdFor().isPresent()) {
      String pickup = context.holdPickupBranch().orElse(here);
      return pickup.equals(here)
          ? new ReturnRoute(
              ReturnRoute.Bin.HOLD_SHELF, here, messages.get(ReasonCodes.RETURN_HOLD_SHELF))
          : new ReturnRoute(
              ReturnRoute.Bin.OTHER_BRANCH, pickup, messages.get(ReasonCodes.RETURN_OTHER_BRANCH));
    }
    String lendingBranch = item.lendingBranch().orElse(here);
    String destination = lendingBranch.equals(here) ? item.homeBranch() : lendingBranch;
    if (!destination.equals(here)) {
      return new ReturnRoute(
          ReturnRoute.Bin.OTHER_BRANCH, destination, messages.get(ReasonCodes.RETURN_OTHER_BRANCH));
    }
    return new ReturnRoute(ReturnRoute.Bin.SHELF, here, messages.get(ReasonCodes.RETURN_SHELF));
  }

  // ---------------------------------------------------------------- calendars and queries

  /** The calendar of a service point. */
  public BranchCalendar calendar(String branch) {
    BranchCalendar calendar = calendars.get(branch);
    if (calendar == null) {
      throw new IllegalArgumentException(
          "unknown branch '" + branch + "'; the policy defines " + String.join(", ", branches()));
    }
    return calendar;
  }

  /** This policy with a central calendar update applied to one branch (R-CAL-5). */
  public CirculationPolicy withCalendarOverride(String branch, CalendarOverride update) {
    Map<String, BranchCalendar> updated = new HashMap<>(calendars);
    updated.put(branch, calendar(branch).withOverride(update));
    return new CirculationPolicy(definition, zone, holidays, updated, index);
  }

  /**
   * The due date of a kiosk loan made today without limits or blocks: what the rules and the
   * calendar give for this category, material, flags and lending branch.
   *
   * @throws IllegalArgumentException when the policy does not know the category, material, a flag
   *     or the branch, or when no rule lends such an item
   */
  public LocalDate dueDate(
      String category, String material, Set<String> flags, String branch, LocalDate today) {
    return dueDate(category, material, flags, branch, today, LoanChannel.KIOSK);
  }

  /**
   * The due date of a loan made today through a channel (home delivery has its own period,
   * R-LIMIT-6), without limits or blocks. Eligibility and not-for-loan restrictions apply.
   *
   * @throws IllegalArgumentException when the policy does not know the category, material, a flag
   *     or the branch, or when the item is not lent
   */
  public LocalDate dueDate(
      String category,
      String material,
      Set<String> flags,
      String branch,
      LocalDate today,
      LoanChannel channel) {
    if (index.category(category) < 0) {
      throw new IllegalArgumentException(
          unknown("category", category, definition.categories().keySet()));
    }
    if (index.material(material) < 0) {
      throw new IllegalArgumentException(unknown("material", material, definition.materials()));
    }
    for (String flag : flags) {
      if (!definition.flags().contains(flag)) {
        throw new IllegalArgumentException(unknown("flag", flag, definition.flags()));
      }
    }
    ItemRecord item =
        new ItemRecord(
            "due-date-query",
            "-",
            material,
            branch,
            ItemStatus.AVAILABLE,
            flags,
            1,
            Optional.empty());
    PatronSnapshot patron =
        new PatronSnapshot(
            QUERY_PATRON,
            category,
            LocalDate.MAX,
            false,
            false,
            Map.of(),
            0,
            0,
            0,
            Optional.of(today),
            branch);
    CheckoutContext context =
        new CheckoutContext(
            patron,
            item,
            1,
            java.util.List.of(),
            branch,
            today.atTime(12, 0).atZone(zone),
            true,
            channel,
            false);
    Loan loan = loan(context);
    Explanation explained = checkoutChecks.explain(loan);
    Decision d = explained.decision();
    if (!d.allowed()) {
      throw new IllegalArgumentException(
          "no rule lends "
              + material
              + (flags.isEmpty() ? "" : " " + new TreeSet<>(flags))
              + " to "
              + category
              + " at "
              + branch
              + " (refused "
              + d.reasonCode().orElse("?")
              + " by "
              + d.ruleId()
              + ")");
    }
    return d.dueDate().orElseThrow();
  }

  private static final PatronKey QUERY_PATRON = new PatronKey("0000000000000000");

  private static String unknown(String what, String value, java.util.Collection<String> known) {
    return "unknown "
        + what
        + " '"
        + value
        + "'; the policy defines "
        + String.join(", ", new TreeSet<>(known));
  }

  @Override
  public java.util.OptionalInt loanLimit(String category, String reasonCode) {
    PatronCategory c = definition.categories().get(category);
    if (c == null) {
      return java.util.OptionalInt.empty();
    }
    return c.limits().stream()
        .filter(g -> g.reasonCode().equals(reasonCode))
        .mapToInt(g -> g.max())
        .findFirst();
  }

  /** Whether the kiosk asks this category for a PIN (R-CARD-2). */
  public boolean requiresPin(String category) {
    PatronCategory c = definition.categories().get(category);
    return c != null && c.pinRequired();
  }

  /** Whether the kiosk offers the receipt by default to this category (R-GROUP-2). */
  public boolean offersReceiptByDefault(String category) {
    PatronCategory c = definition.categories().get(category);
    return c != null && c.receiptByDefault();
  }

  public Set<String> branches() {
    return definition.branches().keySet();
  }

  public PolicyDefinition definition() {
    return definition;
  }

  public ZoneId zone() {
    return zone;
  }

  public NationalHolidays holidays() {
    return holidays;
  }
}
