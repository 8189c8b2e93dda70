package org.shiori.circulation.policy.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.shiori.circulation.domain.Message;
import org.shiori.circulation.policy.ReasonCodes;
import org.shiori.circulation.policy.model.BranchDefinition;
import org.shiori.circulation.policy.model.ClosedDayStrategy;
import org.shiori.circulation.policy.model.IllCap;
import org.shiori.circulation.policy.model.LimitGroup;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.circulation.policy.model.Period;
import org.shiori.circulation.policy.model.PolicyDefinition;
import org.shiori.circulation.policy.model.Restriction;
import org.shiori.circulation.policy.model.SplitLending;
import org.shiori.yaml.SourcePosition;
import org.shiori.yaml.YamlNode;

/**
 * Reads a policy file (format: docs/policy.md) into a validated {@link PolicyDefinition}. Every
 * problem is reported with file, line and column, and all of them at once.
 */
public final class PolicyReader {

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
  private static final Set<String> CATEGORY_KEYS =
      Set.of("extends", "rule", "pin", "confirmEachFiscalYear", "holdLimit", "receipt", "limits");
  private static final Set<String> LIMIT_KEYS = Set.of("materials", "max", "rule");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "rule",
          "category",
          "material",
          "flags",
          "branch",
          "period",
          "onClosedDay",
          "renewals",
          "split",
          "deliveryPeriod",
          "refuse");
  private static final Set<String> RESTRICTION_KEYS =
      Set.of("rule", "category", "material", "flags", "branch", "refuse");
  private static final Set<String> ILL_KEYS =
      Set.of("flags", "perFiscalYear", "concurrent", "rule");
  private static final int MAX_FLAGS = 60;

  private final PolicyYaml doc;
  private final YamlNode root;
  private final CalendarReader calendars;

  private PolicyReader(PolicyYaml doc, YamlNode root) {
    this.doc = doc;
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
        categories(required(top, "categories", root), materials);
    Refs refs = new Refs(categories.keySet(), materials, Set.copyOf(flags), branches.keySet());
    List<LoanRule> rules = loanRules(required(top, "loanRules", root), refs);
    List<Restriction> eligibility =
        restrictions(top.get("eligibility"), "eligibility", ReasonCodes.NOT_ELIGIBLE, refs);
    List<Restriction> notForLoan =
        restrictions(top.get("notForLoan"), "notForLoan", ReasonCodes.NOT_FOR_LOAN, refs);
    checkAmbiguity(rules, flags);
    List<IllCap> illCaps = illCaps(top.get("illCaps"), refs);
    PolicyDefinition.Blocks blocks = blocks(top.get("blocks"));
    Map<String, Message> messages = messages(top.get("messages"));
    checkMessages(
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

  /**
   * Reads the {@code eligibility} or {@code notForLoan} section: refusals that no loan rule
   * outranks. Each entry has the criteria of a loan rule and an optional reason code.
   */
  private List<Restriction> restrictions(
      YamlNode node, String section, String defaultCode, Refs refs) {
    List<Restriction> result = new ArrayList<>();
    if (node == null) {
      return result;
    }
    for (YamlNode n : doc.list(node, section)) {
      SourcePosition at = n.position();
      String what = section + " entry at line " + at.line();
      Map<String, YamlNode> map = doc.mapping(n, what, RESTRICTION_KEYS);
      Optional<String> ruleId = required(map, "rule", n).flatMap(r -> doc.text(r, what));
      Set<String> categories = criterion(map, "category", what, refs.categories());
      Set<String> materials = criterion(map, "material", what, refs.materials());
      Set<String> flags = criterion(map, "flags", what, refs.flags());
      Set<String> branches = criterion(map, "branch", what, refs.branches());
      String code =
          Optional.ofNullable(map.get("refuse"))
              .flatMap(r -> doc.value(r, what, PolicyReader::code))
              .orElse(defaultCode);
      if (categories.isEmpty() && materials.isEmpty() && flags.isEmpty()) {
        doc.problem(
            n, what + ": name a 'category', 'material' or 'flags'; it would refuse everything");
        continue;
      }
      ruleId.ifPresent(
          r -> result.add(new Restriction(r, at, categories, materials, flags, branches, code)));
    }
    return result;
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

  private record Refs(
      Set<String> categories, Set<String> materials, Set<String> flags, Set<String> branches) {}

  private Optional<YamlNode> required(Map<String, YamlNode> map, String key, YamlNode parent) {
    YamlNode n = map.get(key);
    if (n == null) {
      doc.problem(parent, "missing required key '" + key + "'");
    }
    return Optional.ofNullable(n);
  }

  private Set<String> idSet(YamlNode node, String what) {
    return idSet(Optional.ofNullable(node), what);
  }

  private Set<String> idSet(Optional<YamlNode> node, String what) {
    Set<String> ids = new LinkedHashSet<>();
    if (node.isEmpty()) {
      return ids;
    }
    for (YamlNode n : doc.list(node.get(), what)) {
      doc.text(n, what)
          .ifPresent(
              id -> {
                if (!id.matches("[a-z][a-z0-9-]*")) {
                  doc.problem(n, what + ": '" + id + "' must be lowercase letters, digits, '-'");
                } else if (!ids.add(id)) {
                  doc.problem(n, what + ": '" + id + "' is listed twice");
                }
              });
    }
    return ids;
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

  private Map<String, PatronCategory> categories(Optional<YamlNode> node, Set<String> materials) {
    Map<String, PatronCategory> result = new LinkedHashMap<>();
    if (node.isEmpty()) {
      return result;
    }
    Map<String, YamlNode> defs = doc.mapping(node.get(), "categories", Set.of());
    Map<String, Optional<PatronCategory>> done = new HashMap<>();
    for (Map.Entry<String, YamlNode> e : defs.entrySet()) {
      category(e.getKey(), e.getValue(), defs, materials, new HashSet<>(), done)
          .ifPresent(c -> result.put(e.getKey(), c));
    }
    return result;
  }

  private Optional<PatronCategory> category(
      String id,
      YamlNode node,
      Map<String, YamlNode> all,
      Set<String> materials,
      Set<String> seen,
      Map<String, Optional<PatronCategory>> done) {
    if (done.containsKey(id)) {
      return done.get(id);
    }
    Optional<PatronCategory> result = readCategory(id, node, all, materials, seen, done);
    done.put(id, result);
    return result;
  }

  private Optional<PatronCategory> readCategory(
      String id,
      YamlNode node,
      Map<String, YamlNode> all,
      Set<String> materials,
      Set<String> seen,
      Map<String, Optional<PatronCategory>> done) {
    String what = "category " + id;
    if (!seen.add(id)) {
      doc.problem(node, what + ": 'extends' makes a cycle");
      return Optional.empty();
    }
    Map<String, YamlNode> map = doc.mapping(node, what, CATEGORY_KEYS);
    List<LimitGroup> limits = new ArrayList<>();
    boolean pin = false;
    boolean confirm = false;
    boolean receipt = false;
    OptionalInt holdLimit = OptionalInt.empty();
    YamlNode parentNode = map.get("extends");
    if (parentNode != null) {
      Optional<String> parentId = doc.text(parentNode, what + ".extends");
      if (parentId.isPresent() && !all.containsKey(parentId.get())) {
        doc.problem(parentNode, what + ": extends unknown category '" + parentId.get() + "'");
      } else if (parentId.isPresent()) {
        Optional<PatronCategory> parent =
            category(parentId.get(), all.get(parentId.get()), all, materials, seen, done);
        if (parent.isPresent()) {
          limits.addAll(parent.get().limits());
          pin = parent.get().pinRequired();
          confirm = parent.get().confirmEachFiscalYear();
          receipt = parent.get().receiptByDefault();
          holdLimit = parent.get().holdLimit();
        }
      }
    }
    pin = flag(map, "pin", what).orElse(pin);
    confirm = flag(map, "confirmEachFiscalYear", what).orElse(confirm);
    receipt = flag(map, "receipt", what).orElse(receipt);
    if (map.containsKey("holdLimit")) {
      holdLimit =
          doc.integer(map.get("holdLimit"), what + ".holdLimit")
              .map(OptionalInt::of)
              .orElse(holdLimit);
    }
    if (map.containsKey("limits")) {
      String ruleId = map.containsKey("rule") ? doc.text(map.get("rule"), what).orElse("") : "";
      doc.mapping(map.get("limits"), what + ".limits", Set.of())
          .forEach(
              (group, def) ->
                  limit(what, group, def, materials, ruleId)
                      .ifPresent(
                          g -> {
                            limits.removeIf(old -> old.id().equals(g.id()));
                            limits.add(g);
                          }));
    }
    return Optional.of(new PatronCategory(id, limits, pin, confirm, holdLimit, receipt));
  }

  private Optional<Boolean> flag(Map<String, YamlNode> map, String key, String what) {
    return Optional.ofNullable(map.get(key)).flatMap(n -> doc.bool(n, what + "." + key));
  }

  private Optional<LimitGroup> limit(
      String what, String group, YamlNode def, Set<String> materials, String defaultRule) {
    String where = what + ".limits." + group;
    Map<String, YamlNode> map = doc.mapping(def, where, LIMIT_KEYS);
    Set<String> counted = idSet(Optional.ofNullable(map.get("materials")), where + ".materials");
    checkKnown(map.get("materials"), counted, materials, "material");
    Optional<Integer> max = required(map, "max", def).flatMap(n -> doc.integer(n, where + ".max"));
    String ruleId =
        Optional.ofNullable(map.get("rule"))
            .flatMap(n -> doc.text(n, where + ".rule"))
            .orElse(defaultRule);
    if (ruleId.isEmpty()) {
      doc.problem(def, where + ": name the regulation rule with 'rule'");
    }
    if (max.isEmpty() || max.get() < 0) {
      max.ifPresent(m -> doc.problem(map.get("max"), where + ".max must be 0 or more"));
      return Optional.empty();
    }
    return Optional.of(new LimitGroup(group, counted, max.get(), ruleId));
  }

  private void checkKnown(YamlNode at, Set<String> ids, Set<String> known, String kind) {
    for (String id : ids) {
      if (!known.contains(id)) {
        doc.problem(at, "unknown " + kind + " '" + id + "'; defined: " + String.join(", ", known));
      }
    }
  }

  private List<LoanRule> loanRules(Optional<YamlNode> node, Refs refs) {
    List<LoanRule> rules = new ArrayList<>();
    node.ifPresent(
        n -> doc.list(n, "loanRules").forEach(r -> loanRule(r, refs).ifPresent(rules::add)));
    return rules;
  }

  private Optional<LoanRule> loanRule(YamlNode node, Refs refs) {
    SourcePosition at = node.position();
    String what = "loan rule at line " + at.line();
    Map<String, YamlNode> map = doc.mapping(node, what, RULE_KEYS);
    Optional<String> ruleId = required(map, "rule", node).flatMap(n -> doc.text(n, what));
    Set<String> categories = criterion(map, "category", what, refs.categories());
    Set<String> materials = criterion(map, "material", what, refs.materials());
    Set<String> flags = criterion(map, "flags", what, refs.flags());
    Set<String> branches = criterion(map, "branch", what, refs.branches());
    Optional<String> refusal =
        Optional.ofNullable(map.get("refuse")).flatMap(n -> doc.value(n, what, PolicyReader::code));
    Optional<Period> period =
        Optional.ofNullable(map.get("period")).flatMap(n -> doc.value(n, what, Period::parse));
    if (!map.containsKey("refuse") && !map.containsKey("period")) {
      doc.problem(node, what + ": give a 'period' to lend or 'refuse: REASON' to refuse");
    }
    if (map.containsKey("refuse") && map.containsKey("period")) {
      doc.problem(node, what + ": a rule either lends ('period') or refuses ('refuse'), not both");
    }
    ClosedDayStrategy strategy =
        Optional.ofNullable(map.get("onClosedDay"))
            .flatMap(n -> doc.value(n, what + ".onClosedDay", PolicyReader::strategy))
            .orElse(ClosedDayStrategy.NEXT_OPEN);
    int renewals =
        Optional.ofNullable(map.get("renewals"))
            .flatMap(n -> doc.integer(n, what + ".renewals"))
            .orElse(0);
    SplitLending split =
        Optional.ofNullable(map.get("split"))
            .flatMap(n -> doc.value(n, what + ".split", PolicyReader::split))
            .orElse(SplitLending.NEVER);
    Optional<Period> deliveryPeriod =
        Optional.ofNullable(map.get("deliveryPeriod"))
            .flatMap(n -> doc.value(n, what + ".deliveryPeriod", Period::parse));
    if (map.containsKey("deliveryPeriod") && map.containsKey("refuse")) {
      doc.problem(map.get("deliveryPeriod"), what + ": a refusing rule has no deliveryPeriod");
    }
    if (ruleId.isEmpty() || (refusal.isEmpty() == period.isEmpty()) || renewals < 0) {
      if (renewals < 0) {
        doc.problem(map.get("renewals"), what + ".renewals must be 0 or more");
      }
      return Optional.empty();
    }
    return Optional.of(
        new LoanRule(
            ruleId.get(),
            at,
            categories,
            materials,
            flags,
            branches,
            refusal,
            period,
            strategy,
            renewals,
            split,
            deliveryPeriod));
  }

  private Set<String> criterion(
      Map<String, YamlNode> map, String key, String what, Set<String> known) {
    YamlNode n = map.get(key);
    if (n == null) {
      return Set.of();
    }
    Set<String> ids = idSet(Optional.of(n), what + "." + key);
    checkKnown(n, ids, known, key);
    return ids;
  }

  /** Two rules equally specific that can match the same loan make the file ambiguous. */
  private void checkAmbiguity(List<LoanRule> rules, List<String> flagOrder) {
    for (int i = 0; i < rules.size(); i++) {
      for (int j = i + 1; j < rules.size(); j++) {
        LoanRule a = rules.get(i);
        LoanRule b = rules.get(j);
        if (LoanRule.compareSpecificity(a, b, flagOrder) == 0 && a.overlaps(b)) {
          doc.problemAt(
              b.at().line(),
              b.at().column(),
              "loan rules at lines "
                  + a.at().line()
                  + " and "
                  + b.at().line()
                  + " are equally specific and can match the same loan; make one more specific"
                  + " (add a flag, branch, material or category) or narrow one so they do not"
                  + " overlap");
        }
      }
    }
  }

  private List<IllCap> illCaps(YamlNode node, Refs refs) {
    List<IllCap> caps = new ArrayList<>();
    if (node == null) {
      return caps;
    }
    for (YamlNode n : doc.list(node, "illCaps")) {
      Map<String, YamlNode> map = doc.mapping(n, "ILL cap", ILL_KEYS);
      Set<String> flags = criterion(map, "flags", "ILL cap", refs.flags());
      OptionalInt perYear = optionalInt(map.get("perFiscalYear"), "ILL cap.perFiscalYear");
      OptionalInt concurrent = optionalInt(map.get("concurrent"), "ILL cap.concurrent");
      Optional<String> ruleId = required(map, "rule", n).flatMap(r -> doc.text(r, "ILL cap"));
      if (flags.isEmpty()) {
        doc.problem(n, "ILL cap: list the 'flags' that mark the counted items");
      }
      if (perYear.isEmpty() && concurrent.isEmpty()) {
        doc.problem(n, "ILL cap: give 'perFiscalYear', 'concurrent' or both");
      }
      ruleId.ifPresent(r -> caps.add(new IllCap(flags, perYear, concurrent, r)));
    }
    return caps;
  }

  private OptionalInt optionalInt(YamlNode node, String what) {
    if (node == null) {
      return OptionalInt.empty();
    }
    return doc.integer(node, what).map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  private Map<String, Message> messages(YamlNode node) {
    Map<String, Message> result = new HashMap<>(defaultMessages());
    if (node != null) {
      result.putAll(messagesOf(doc, node));
    }
    return result;
  }

  /** Reads a mapping of reason code to {@code {ja: ..., en: ...}}. */
  static Map<String, Message> messagesOf(PolicyYaml doc, YamlNode node) {
    Map<String, Message> result = new HashMap<>();
    doc.mapping(node, "messages", Set.of())
        .forEach(
            (code, def) -> {
              Map<String, YamlNode> m = doc.mapping(def, "message " + code, Set.of("ja", "en"));
              Optional<String> ja =
                  Optional.ofNullable(m.get("ja")).flatMap(n -> doc.text(n, code));
              Optional<String> en =
                  Optional.ofNullable(m.get("en")).flatMap(n -> doc.text(n, code));
              if (ja.isEmpty() || en.isEmpty()) {
                doc.problem(def, "message " + code + ": needs both 'ja' and 'en'");
              } else {
                result.put(code, new Message(ja.get(), en.get()));
              }
            });
    return result;
  }

  private static Map<String, Message> defaultMessages() {
    try (InputStream in =
        PolicyReader.class.getClassLoader().getResourceAsStream(DEFAULT_MESSAGES)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_MESSAGES + " is missing from the build");
      }
      PolicyYaml.Parsed parsed =
          PolicyYaml.read(DEFAULT_MESSAGES, new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Message> result = messagesOf(parsed.doc(), parsed.root().orElseThrow());
      if (parsed.doc().hasProblems()) {
        throw new PolicyException(parsed.doc().problems());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void checkMessages(
      Map<String, Message> messages,
      List<LoanRule> rules,
      List<Restriction> eligibility,
      List<Restriction> notForLoan,
      Map<String, PatronCategory> categories,
      YamlNode at) {
    Set<String> needed = new LinkedHashSet<>(ReasonCodes.ALL);
    rules.forEach(r -> r.refusal().ifPresent(needed::add));
    eligibility.forEach(r -> needed.add(r.reasonCode()));
    notForLoan.forEach(r -> needed.add(r.reasonCode()));
    for (String code : needed) {
      if (!messages.containsKey(code)) {
        doc.problem(at, "no message for reason " + code + "; add it under 'messages'");
      }
    }
    if (!messages.containsKey(ReasonCodes.LIMIT)) {
      categories.values().stream()
          .flatMap(c -> c.limits().stream())
          .filter(g -> !messages.containsKey(g.reasonCode()))
          .forEach(
              g -> doc.problem(at, "no message for " + g.reasonCode() + " nor the generic LIMIT"));
    }
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

  private static String code(String text) {
    if (!text.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a reason code (upper case, digits, '_')");
    }
    return text;
  }

  private static SplitLending split(String text) {
    return switch (text) {
      case "false" -> SplitLending.NEVER;
      case "true" -> SplitLending.ALWAYS;
      case "on-request" -> SplitLending.ON_REQUEST;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not allowed; use false, true or on-request");
    };
  }

  private static ClosedDayStrategy strategy(String text) {
    return switch (text) {
      case "next-open" -> ClosedDayStrategy.NEXT_OPEN;
      case "previous-open" -> ClosedDayStrategy.PREVIOUS_OPEN;
      case "keep" -> ClosedDayStrategy.KEEP;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not allowed; use next-open, previous-open or keep");
    };
  }
}
