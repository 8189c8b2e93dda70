package org.shiori.circulation.policy.load;

import java.io.Reader;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;
import org.shiori.circulation.policy.model.BranchDefinition;
import org.shiori.circulation.policy.model.IllCap;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.circulation.policy.model.PolicyDefinition;
import org.shiori.circulation.policy.model.Restriction;
import org.shiori.yaml.YamlNode;

/**
 * Reads a policy file (format: docs/policy.md) into a validated {@link PolicyDefinition}, one
 * section reader per part of the file ({@link CategoriesSection}, {@link LoanRulesSection}, {@link
 * MessagesSection}, {@link CalendarReader} for branches). Every problem is reported with file, line
 * and column, and all of them at once.
 */
public final class PolicyReader extends SectionSupport {
  /** Messages every policy starts from; a policy's own {@code messages} replace them by code. */
  public static final String DEFAULT_MESSAGES = "policies/messages.yaml";

  private static final Set<String> TOP_KEYS =
      Set.of(
          "policy",
          "fiscalYearStart",
          "calendarYears",
          "holidays",
          "materials",
          "flags",
          "categories",
          "illCaps",
          "branches",
          "loanRules",
          "blocks",
          "messages",
          "eligibility",
          "notForLoan");
  private static final int MAX_FLAGS = 60;

  private final YamlNode root;
  private final CalendarReader calendars;

  private PolicyReader(PolicyYaml doc, YamlNode root) {
    super(doc);
    this.root = root;
    this.calendars = new CalendarReader(doc);
  }

  /**
   * Reads and validates a policy.
   *
   * @param source the file name shown in problems
   * @throws PolicyException listing every problem found
   */
  public static PolicyDefinition read(String source, Reader text) {
    PolicyYaml.Parsed parsed = PolicyYaml.read(source, text);
    if (parsed.root().isEmpty()) {
      if (!parsed.doc().hasProblems()) {
        parsed.doc().problemAt(1, 1, "the file is empty");
      }
      throw new PolicyException(parsed.doc().problems());
    }
    PolicyDefinition result = new PolicyReader(parsed.doc(), parsed.root().get()).definition();
    if (parsed.doc().hasProblems()) {
      throw new PolicyException(parsed.doc().problems());
    }
    return result;
  }

  private PolicyDefinition definition() {
    Map<String, YamlNode> top = doc.mapping(root, "policy file", TOP_KEYS);
    String name = required(top, "policy", root).flatMap(n -> doc.text(n, "policy")).orElse("?");
    MonthDay fyStart =
        Optional.ofNullable(top.get("fiscalYearStart"))
            .flatMap(n -> doc.value(n, "fiscalYearStart", PolicyReader::monthDay))
            .orElse(MonthDay.of(4, 1));
    int[] years = calendarYears(top.get("calendarYears"));
    Set<LocalDate> added = new HashSet<>();
    Set<LocalDate> removed = new HashSet<>();
    holidays(top.get("holidays"), added, removed);
    Set<String> materials = idSet(required(top, "materials", root), "materials");
    List<String> flags = new ArrayList<>(idSet(top.get("flags"), "flags"));
    if (flags.size() > MAX_FLAGS) {
      doc.problem(top.get("flags"), "at most " + MAX_FLAGS + " flags");
    }
    Map<String, BranchDefinition> branches = branches(required(top, "branches", root));
    Map<String, PatronCategory> categories =
        new CategoriesSection(doc).categories(required(top, "categories", root), materials);
    Refs refs = new Refs(categories.keySet(), materials, Set.copyOf(flags), branches.keySet());
    LoanRulesSection ruleSection = new LoanRulesSection(doc);
    List<LoanRule> rules = ruleSection.loanRules(required(top, "loanRules", root), refs);
    List<Restriction> eligibility =
        ruleSection.restrictions(
            top.get("eligibility"), "eligibility", ReasonCodes.NOT_ELIGIBLE, refs);
    List<Restriction> notForLoan =
        ruleSection.restrictions(
            top.get("notForLoan"), "notForLoan", ReasonCodes.NOT_FOR_LOAN, refs);
    ruleSection.checkAmbiguity(rules, flags);
    List<IllCap> illCaps = ruleSection.illCaps(top.get("illCaps"), refs);
    PolicyDefinition.Blocks blocks = blocks(top.get("blocks"));
    MessagesSection messageSection = new MessagesSection(doc);
    Map<String, Message> messages = messageSection.messages(top.get("messages"));
    messageSection.checkMessages(
        messages, rules, eligibility, notForLoan, categories, top.getOrDefault("messages", root));
    return new PolicyDefinition(
        name,
        fyStart,
        years[0],
        years[1],
        added,
        removed,
        materials,
        flags,
        categories,
        rules,
        illCaps,
        branches,
        messages,
        blocks,
        eligibility,
        notForLoan);
  }

  private PolicyDefinition.Blocks blocks(YamlNode node) {
    if (node == null) {
      return PolicyDefinition.Blocks.ALL;
    }
    Map<String, YamlNode> map = doc.mapping(node, "blocks", Set.of("overdue", "expiredCard"));
    return new PolicyDefinition.Blocks(
        flag(map, "overdue", "blocks").orElse(true),
        flag(map, "expiredCard", "blocks").orElse(true));
  }

  private int[] calendarYears(YamlNode node) {
    int[] years = {2020, 2060};
    if (node == null) {
      return years;
    }
    doc.value(
            node,
            "calendarYears",
            s -> {
              String[] parts = s.split("-");
              if (parts.length != 2) {
                throw new IllegalArgumentException("write a range of years such as 2020-2060");
              }
              int from = Integer.parseInt(parts[0].trim());
              int to = Integer.parseInt(parts[1].trim());
              if (from < 2020 || to > 2098 || from > to) {
                throw new IllegalArgumentException("years must lie within 2020-2098");
              }
              return new int[] {from, to};
            })
        .ifPresent(v -> System.arraycopy(v, 0, years, 0, 2));
    return years;
  }

  private void holidays(YamlNode node, Set<LocalDate> added, Set<LocalDate> removed) {
    if (node == null) {
      return;
    }
    Map<String, YamlNode> map = doc.mapping(node, "holidays", Set.of("add", "remove"));
    Optional.ofNullable(map.get("add")).ifPresent(n -> added.addAll(dates(n, "holidays.add")));
    Optional.ofNullable(map.get("remove"))
        .ifPresent(n -> removed.addAll(dates(n, "holidays.remove")));
  }

  List<LocalDate> dates(YamlNode node, String what) {
    return calendars.dates(node, what);
  }

  private Map<String, BranchDefinition> branches(Optional<YamlNode> node) {
    Map<String, BranchDefinition> result = new LinkedHashMap<>();
    node.ifPresent(
        n ->
            doc.mapping(n, "branches", Set.of())
                .forEach((id, def) -> calendars.branch(id, def).ifPresent(b -> result.put(id, b))));
    return result;
  }

  static MonthDay monthDay(String text) {
    try {
      return MonthDay.parse("--" + text.trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a day of the year like 04-01", e);
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a date like 2027-07-19", e);
    }
  }
}
