package org.shiori.circulation.policy.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.shiori.circulation.policy.model.ClosedDayStrategy;
import org.shiori.circulation.policy.model.IllCap;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.Period;
import org.shiori.circulation.policy.model.Restriction;
import org.shiori.circulation.policy.model.SplitLending;
import org.shiori.yaml.SourcePosition;
import org.shiori.yaml.YamlNode;

/**
 * Reads the sections that decide what is lent: {@code loanRules} (with the ambiguity check of
 * equally specific rules), {@code eligibility} and {@code notForLoan} restrictions, and {@code
 * illCaps} (R-ILL-4).
 */
final class LoanRulesSection extends SectionSupport {
  LoanRulesSection(PolicyYaml doc) {
    super(doc);
  }

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

  List<LoanRule> loanRules(Optional<YamlNode> node, Refs refs) {
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
        Optional.ofNullable(map.get("refuse"))
            .flatMap(n -> doc.value(n, what, SectionSupport::code));
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
            .flatMap(n -> doc.value(n, what + ".onClosedDay", LoanRulesSection::strategy))
            .orElse(ClosedDayStrategy.NEXT_OPEN);
    int renewals =
        Optional.ofNullable(map.get("renewals"))
            .flatMap(n -> doc.integer(n, what + ".renewals"))
            .orElse(0);
    SplitLending split =
        Optional.ofNullable(map.get("split"))
            .flatMap(n -> doc.value(n, what + ".split", LoanRulesSection::split))
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

  /** Two rules equally specific that can match the same loan make the file ambiguous. */
  void checkAmbiguity(List<LoanRule> rules, List<String> flagOrder) {
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

  /**
   * Reads the {@code eligibility} or {@code notForLoan} section: refusals that no loan rule
   * outranks. Each entry has the criteria of a loan rule and an optional reason code.
   */
  List<Restriction> restrictions(YamlNode node, String section, String defaultCode, Refs refs) {
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
              .flatMap(r -> doc.value(r, what, SectionSupport::code))
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

  List<IllCap> illCaps(YamlNode node, Refs refs) {
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
