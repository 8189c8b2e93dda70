package org.shiori.circulation.policy;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
import org.shiori.circulation.policy.model.BranchDefinition;
import org.shiori.circulation.policy.model.IllCap;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.circulation.policy.model.PolicyDefinition;

/**
 * A loaded policy: the circulation rules of one library with the calendars of its service points.
 * Immutable and thread-safe; every answer is a function of the policy and the arguments (the time
 * comes in the context). Calendar updates from central produce a new instance ({@link
 * #withCalendarOverride}).
 *
 * <p>A checkout is decided in this order, the first refusal wins: category known; staff block
 * (R-BLOCK-2); expired card (R-CARD-3); PIN (R-CARD-2); group confirmation (R-GROUP-1); overdue
 * items (R-BLOCK-1); item status (R-ITEM-3); holds (R-ITEM-2, R-HOLD-1); the loan rule (R-ITEM-1,
 * R-ILL-1, R-ILL-3, ...); all parts present (R-PART-1); ILL caps (R-ILL-4); loan limits counting
 * items on loan and earlier items of the session (R-LIMIT-1, -3, -6, -7); then the due date
 * (R-CAL-1).
 */
public final class CirculationPolicy implements CirculationRules {

  private final PolicyDefinition definition;
  private final ZoneId zone;
  private final NationalHolidays holidays;
  private final Map<String, BranchCalendar> calendars;
  private final RuleIndex index;
  private final Map<String, Message> messages;
  private final Map<String, Decision> fixedRefusals;
  private final MonthDay fiscalYearStart;
  private final IllCap[] illCaps;
  private final Decision[] illRefusals;
  private final Decision holdShelfForOther;

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
    this.fiscalYearStart = definition.fiscalYearStart();
    this.fixedRefusals = fixedRefusals(messages);
    this.illCaps = definition.illCaps().toArray(IllCap[]::new);
    this.illRefusals = illRefusals(definition.illCaps(), messages);
    this.holdShelfForOther =
        Decision.refuse(
            ReasonCodes.HOLD_FOR_OTHER, "R-HOLD-1", messages.get(ReasonCodes.HOLD_FOR_OTHER));
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

  private static Map<String, Decision> fixedRefusals(Map<String, Message> messages) {
    String[][] fixed = {
      {ReasonCodes.CATEGORY_UNKNOWN, "POLICY"},
      {ReasonCodes.STAFF_BLOCK, "R-BLOCK-2"},
      {ReasonCodes.CARD_EXPIRED, "R-CARD-3"},
      {ReasonCodes.PIN_REQUIRED, "R-CARD-2"},
      {ReasonCodes.GROUP_NOT_CONFIRMED, "R-GROUP-1"},
      {ReasonCodes.OVERDUE_BLOCK, "R-BLOCK-1"},
      {ReasonCodes.ITEM_UNAVAILABLE, "R-ITEM-3"},
      {ReasonCodes.HOLD_FOR_OTHER, "R-ITEM-2"},
      {ReasonCodes.PART_MISSING, "R-PART-1"},
      {ReasonCodes.NO_LOAN_RULE, "POLICY"},
      {ReasonCodes.HOLD_LIMIT, "R-HOLD-2"},
    };
    Map<String, Decision> result = new HashMap<>();
    for (String[] f : fixed) {
      result.put(f[0], Decision.refuse(f[0], f[1], messages.get(f[0])));
    }
    return Map.copyOf(result);
  }

  private static Decision[] illRefusals(List<IllCap> caps, Map<String, Message> messages) {
    return caps.stream()
        .map(
            cap ->
                Decision.refuse(
                    ReasonCodes.ILL_LIMIT, cap.ruleId(), messages.get(ReasonCodes.ILL_LIMIT)))
        .toArray(Decision[]::new);
  }

  // ---------------------------------------------------------------- checkout

  @Override
  public Decision checkout(CheckoutContext context) {
    LocalDate today = today(context.now());
    PatronSnapshot patron = context.patron();
    int category = index.category(patron.category());
    Decision refusal = patronRefusal(patron, category, today, context.pinVerified());
    if (refusal != null) {
      return refusal;
    }
    ItemRecord item = context.item();
    refusal = itemRefusal(item, patron.key());
    if (refusal != null) {
      return refusal;
    }
    int material = index.material(item.material());
    RuleIndex.RuleEntry entry =
        index.rule(branchIndex(context.branch()), category, material, item.flags());
    if (entry == null) {
      return fixedRefusals.get(ReasonCodes.NO_LOAN_RULE);
    }
    if (entry.refusal != null) {
      return entry.refusal;
    }
    if (item.parts() > 1 && context.partsOnPad() < item.parts() && !entry.rule.splitLending()) {
      return fixedRefusals.get(ReasonCodes.PART_MISSING);
    }
    refusal = illRefusal(patron, item, context.lentThisSession());
    if (refusal != null) {
      return refusal;
    }
    refusal = limitRefusal(patron, category, material, context.lentThisSession());
    if (refusal != null) {
      return refusal;
    }
    return Decision.lend(
        dueDate(entry.rule, context.branch(), today), entry.rule.ruleId(), entry.lent);
  }

  /** The patron checks of checkout and renewal, in that order; null when the patron may borrow. */
  private Decision patronRefusal(
      PatronSnapshot patron, int categoryIndex, LocalDate today, boolean pinVerified) {
    if (categoryIndex < 0) {
      return fixedRefusals.get(ReasonCodes.CATEGORY_UNKNOWN);
    }
    PatronCategory category = index.categoryAt(categoryIndex);
    if (patron.staffBlock()) {
      return fixedRefusals.get(ReasonCodes.STAFF_BLOCK);
    }
    if (definition.blocks().expiredCard() && patron.expiry().isBefore(today)) {
      return fixedRefusals.get(ReasonCodes.CARD_EXPIRED);
    }
    if (category.pinRequired() && !pinVerified) {
      return fixedRefusals.get(ReasonCodes.PIN_REQUIRED);
    }
    if (category.confirmEachFiscalYear()
        && patron.groupConfirmedOn().map(d -> d.isBefore(fiscalYearStartOf(today))).orElse(true)) {
      return fixedRefusals.get(ReasonCodes.GROUP_NOT_CONFIRMED);
    }
    if (patron.overdue() && definition.blocks().overdue()) {
      return fixedRefusals.get(ReasonCodes.OVERDUE_BLOCK);
    }
    return null;
  }

  private Decision itemRefusal(ItemRecord item, PatronKey patron) {
    ItemStatus status = item.status();
    boolean heldForPatron = item.holdFor().map(patron::equals).orElse(false);
    if (status != ItemStatus.AVAILABLE && status != ItemStatus.ON_HOLD_SHELF) {
      return fixedRefusals.get(ReasonCodes.ITEM_UNAVAILABLE);
    }
    if (item.holdFor().isPresent() && !heldForPatron) {
      return status == ItemStatus.ON_HOLD_SHELF
          ? holdShelfForOther
          : fixedRefusals.get(ReasonCodes.HOLD_FOR_OTHER);
    }
    if (status == ItemStatus.ON_HOLD_SHELF && !heldForPatron) {
      return fixedRefusals.get(ReasonCodes.ITEM_UNAVAILABLE);
    }
    return null;
  }

  private Decision illRefusal(PatronSnapshot patron, ItemRecord item, List<ItemRecord> session) {
    for (int c = 0; c < illCaps.length; c++) {
      IllCap cap = illCaps[c];
      if (!cap.counts(item.flags())) {
        continue;
      }
      int inSession = 0;
      for (ItemRecord earlier : session) {
        if (cap.counts(earlier.flags())) {
          inSession++;
        }
      }
      boolean overYear =
          cap.perFiscalYear().isPresent()
              && patron.illThisFiscalYear() + inSession + 1 > cap.perFiscalYear().getAsInt();
      boolean overConcurrent =
          cap.concurrent().isPresent()
              && patron.illOnLoan() + inSession + 1 > cap.concurrent().getAsInt();
      if (overYear || overConcurrent) {
        return illRefusals[c];
      }
    }
    return null;
  }

  private Decision limitRefusal(
      PatronSnapshot patron, int category, int material, List<ItemRecord> session) {
    for (RuleIndex.LimitEntry limit : index.limits(category, material)) {
      int count = 0;
      for (String m : limit.materialList) {
        count += patron.loansOf(m);
      }
      for (int i = 0; i < session.size(); i++) {
        if (limit.materials.contains(session.get(i).material())) {
          count++;
        }
      }
      if (count + 1 > limit.group.max()) {
        return limit.refusal;
      }
    }
    return null;
  }

  private LocalDate dueDate(LoanRule rule, String branch, LocalDate today) {
    LocalDate due = rule.period().orElseThrow().after(today);
    BranchCalendar calendar = calendar(branch);
    return switch (rule.onClosedDay()) {
      case NEXT_OPEN -> calendar.nextOpenDay(due);
      case PREVIOUS_OPEN -> calendar.previousOpenDay(due);
      case KEEP -> due;
    };
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

  private LocalDate fiscalYearStartOf(LocalDate day) {
    LocalDate start = fiscalYearStart.atYear(day.getYear());
    return day.isBefore(start) ? start.minusYears(1) : start;
  }

  // ---------------------------------------------------------------- renewals and holds

  /**
   * Decides a renewal: the patron checks of a checkout, no renewal when another patron holds the
   * item (R-ITEM-2), and at most the renewals of the item's loan rule (none for ILL items,
   * R-ILL-2). The new due date counts from today.
   */
  public Decision renew(RenewalContext context) {
    LocalDate today = today(context.now());
    PatronSnapshot patron = context.patron();
    int category = index.category(patron.category());
    Decision refusal = patronRefusal(patron, category, today, context.pinVerified());
    if (refusal != null) {
      return refusal;
    }
    ItemRecord item = context.item();
    if (item.holdFor().isPresent() && !item.holdFor().get().equals(patron.key())) {
      return fixedRefusals.get(ReasonCodes.HOLD_FOR_OTHER);
    }
    RuleIndex.RuleEntry entry =
        index.rule(
            branchIndex(context.branch()), category, index.material(item.material()), item.flags());
    if (entry == null) {
      return fixedRefusals.get(ReasonCodes.NO_LOAN_RULE);
    }
    if (entry.refusal != null) {
      return entry.refusal;
    }
    if (context.renewalsSoFar() >= entry.rule.renewals()) {
      return Decision.refuse(
          ReasonCodes.RENEWAL_LIMIT, entry.rule.ruleId(), messages.get(ReasonCodes.RENEWAL_LIMIT));
    }
    return Decision.lend(
        dueDate(entry.rule, context.branch(), today), entry.rule.ruleId(), entry.lent);
  }

  /**
   * The refusal of a new hold or purchase request when the patron's holds plus requests are at the
   * category's limit (R-HOLD-2); empty when the request may be placed.
   */
  public Optional<Decision> holdRequestRefusal(PatronSnapshot patron) {
    int category = index.category(patron.category());
    if (category < 0) {
      return Optional.of(fixedRefusals.get(ReasonCodes.CATEGORY_UNKNOWN));
    }
    PatronCategory c = index.categoryAt(category);
    if (c.holdLimit().isPresent() && patron.holdsAndRequests() >= c.holdLimit().getAsInt()) {
      return Optional.of(fixedRefusals.get(ReasonCodes.HOLD_LIMIT));
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- returns

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
    if (item.holdFor().isPresent()) {
      String pickup = context.holdPickupBranch().orElse(here);
      return pickup.equals(here)
          ? new ReturnRoute(
              ReturnRoute.Bin.HOLD_SHELF, here, messages.get(ReasonCodes.RETURN_HOLD_SHELF))
          : new ReturnRoute(
              ReturnRoute.Bin.OTHER_BRANCH, pickup, messages.get(ReasonCodes.RETURN_OTHER_BRANCH));
    }
    if (!item.homeBranch().equals(here)) {
      return new ReturnRoute(
          ReturnRoute.Bin.OTHER_BRANCH,
          item.homeBranch(),
          messages.get(ReasonCodes.RETURN_OTHER_BRANCH));
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
   * The due date of a loan made today without limits or blocks: what the rules and the calendar
   * give for this category, material, flags and lending branch.
   *
   * @throws IllegalArgumentException when the policy does not know the category, material or
   *     branch, or when no rule lends such an item
   */
  public LocalDate dueDate(
      String category, String material, Set<String> flags, String branch, LocalDate today) {
    int c = index.category(category);
    int m = index.material(material);
    if (c < 0 || m < 0) {
      throw new IllegalArgumentException(
          "unknown " + (c < 0 ? "category '" + category + "'" : "material '" + material + "'"));
    }
    RuleIndex.RuleEntry entry = index.rule(branchIndex(branch), c, m, flags);
    if (entry == null || entry.refusal != null) {
      throw new IllegalArgumentException(
          "no rule lends "
              + material
              + " to "
              + category
              + " at "
              + branch
              + (entry == null ? "" : " (rule " + entry.rule.ruleId() + " refuses)"));
    }
    return dueDate(entry.rule, branch, today);
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
