package org.shiori.circulation.policy.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.shiori.circulation.policy.model.LoanRule;
import org.shiori.circulation.policy.model.PolicyDefinition;

/** Policy files with mistakes: each one is reported where it is written, all at once. */
class PolicyReaderTest {

  private static final String HEAD =
      String.join(
          "\n",
          "policy: t",
          "materials: [book, video]",
          "flags: [first, second]",
          "categories:",
          "  individual: {}",
          "branches:",
          "  main: {}",
          "  annex: {}",
          "");

  private static PolicyDefinition read(String text) {
    return PolicyReader.read("t.yaml", new StringReader(text));
  }

  private static List<String> problems(String text) {
    PolicyException e = catchThrowableOfType(PolicyException.class, () -> read(text));
    assertThat(e).as("the file should not load").isNotNull();
    return e.problems().stream().map(PolicyProblem::toString).toList();
  }

  @Test
  @DisplayName(
      "rules with different flags of the same count are ordered by the flag list, not ambiguous")
  void flagPrecedenceIsNotAmbiguity() {
    PolicyDefinition def =
        read(
            HEAD
                + "loanRules:\n"
                + "  - {rule: R-A, flags: [second], period: 1 week}\n"
                + "  - {rule: R-B, flags: [first], refuse: NOT_FOR_LOAN}\n"
                + "  - {rule: R-C, material: book, period: 2 weeks}\n");
    LoanRule second = def.rules().get(0);
    LoanRule first = def.rules().get(1);
    assertThat(LoanRule.compareSpecificity(first, second, def.flags())).isPositive();
  }

  @Test
  void sameCriteriaAtDifferentBranchesAreNotAmbiguous() {
    PolicyDefinition def =
        read(
            HEAD
                + "loanRules:\n"
                + "  - {rule: R-A, material: book, branch: main, period: 1 week}\n"
                + "  - {rule: R-B, material: book, branch: annex, period: 2 weeks}\n");
    assertThat(def.rules()).hasSize(2);
  }

  @Test
  @DisplayName(
      "an 'any' criterion overlaps a list: equally specific rules are an error naming both lines")
  void anyOverlapsAList() {
    assertThat(
            problems(
                HEAD
                    + "loanRules:\n"
                    + "  - {rule: R-A, material: book, period: 1 week}\n"
                    + "  - {rule: R-B, material: [video, book], period: 2 weeks}\n"))
        .containsExactly(
            "t.yaml:11:5: loan rules at lines 10 and 11 are equally specific and can match the"
                + " same loan; make one more specific (add a flag, branch, material or category)"
                + " or narrow one so they do not overlap");
  }

  @Test
  void categoryCyclesAndUnknownParentsAreReported() {
    String text =
        "policy: t\nmaterials: [book]\ncategories:\n"
            + "  a: {extends: b}\n  b: {extends: a}\n  c: {extends: nobody}\n"
            + "branches: {main: {}}\nloanRules: [{rule: R-A, period: 1 week}]\n";
    assertThat(problems(text))
        .anyMatch(p -> p.contains("'extends' makes a cycle"))
        .anyMatch(p -> p.startsWith("t.yaml:6:") && p.contains("unknown category 'nobody'"));
  }

  @Test
  void missingSectionsAndUnknownTopKeysAreReported() {
    assertThat(problems("policy: t\nmaterial: [book]\n"))
        .anyMatch(p -> p.startsWith("t.yaml:2:1:") && p.contains("unknown key 'material'"))
        .anyMatch(p -> p.contains("missing required key 'materials'"))
        .anyMatch(p -> p.contains("missing required key 'loanRules'"));
  }

  @Test
  void duplicateKeysAreReported() {
    assertThat(problems(HEAD + "loanRules: []\nloanRules: []\n"))
        .containsExactly("t.yaml:10:1: policy file: key 'loanRules' is written twice");
  }

  @Test
  void calendarMistakesAreReported() {
    String text =
        "policy: t\nmaterials: [book]\ncategories: {individual: {}}\nbranches:\n  main:\n"
            + "    hours: {regular: \"20:00-09:00\", funday: \"09:00-10:00\"}\n"
            + "    closures:\n"
            + "      - {rule: R-CAL-2, monthEnd: {months: 0-13, move: preceding-caturday}}\n"
            + "      - {rule: R-CAL-2, annual: \"13-01\"}\n"
            + "      - {weekly: monday}\n"
            + "    closed: [2027-02-30]\n"
            + "loanRules: [{rule: R-A, period: 1 week}]\n";
    List<String> problems = problems(text);
    assertThat(problems)
        .anyMatch(p -> p.startsWith("t.yaml:6:") && p.contains("unknown key 'funday'"))
        .anyMatch(p -> p.startsWith("t.yaml:6:") && p.contains("write hours like 09:30-20:00"))
        .anyMatch(p -> p.startsWith("t.yaml:8:") && p.contains("months are a range within 1-12"))
        .anyMatch(p -> p.startsWith("t.yaml:8:") && p.contains("'caturday' is not a weekday"))
        .anyMatch(p -> p.startsWith("t.yaml:9:") && p.contains("'13-01' is not a day of the year"))
        .anyMatch(p -> p.startsWith("t.yaml:10:") && p.contains("names its regulation rule"))
        .anyMatch(p -> p.startsWith("t.yaml:11:") && p.contains("'2027-02-30' is not a date"));
  }

  @Test
  void aCustomReasonNeedsAMessage() {
    assertThat(problems(HEAD + "loanRules: [{rule: R-A, refuse: MY_REASON}]\n"))
        .anyMatch(p -> p.contains("no message for reason MY_REASON"));
    PolicyDefinition def =
        read(
            HEAD
                + "loanRules: [{rule: R-A, refuse: MY_REASON}]\n"
                + "messages: {MY_REASON: {ja: 貸出不可, en: Not lent}}\n");
    assertThat(def.messages().get("MY_REASON").en()).isEqualTo("Not lent");
  }

  @Test
  void aRuleNeedsAPeriodOrARefusalButNotBoth() {
    assertThat(problems(HEAD + "loanRules: [{rule: R-A, material: book}]\n"))
        .anyMatch(p -> p.startsWith("t.yaml:9:") && p.contains("give a 'period'"));
    assertThat(problems(HEAD + "loanRules: [{rule: R-A, period: 1 week, refuse: NOT_FOR_LOAN}]\n"))
        .anyMatch(p -> p.contains("not both"));
  }

  @Test
  void anEmptyFileIsReported() {
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(PolicyException.class)
        .hasMessage("t.yaml:1:1: the file is empty");
  }
}
