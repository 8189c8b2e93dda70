package org.shiori.circulation.policy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PolicyCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(PolicyCommandTest.class.getResource("/policy/" + name).toURI()).toString();
  }

  @Test
  @DisplayName("R-CAL-2 closed-days prints ISO dates, one per line, ascending")
  void closedDays() {
    int code = run("closed-days", "--policy", "matsuyama", "--branch", "central", "--year", "2027");
    assertThat(code).isZero();
    String[] lines = out.toString().split("\n");
    assertThat(lines).hasSize(63);
    assertThat(lines[0]).isEqualTo("2027-01-01");
    assertThat(lines)
        .contains("2027-01-04", "2027-07-30", "2027-12-31")
        .doesNotContain("2027-07-19");
    assertThat(lines).isSorted();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("R-CAL-1 R-LIMIT-2 due-date prints the due date only")
  void dueDate() {
    int code =
        run(
            "due-date",
            "--policy",
            "matsuyama",
            "--branch",
            "central",
            "--category",
            "individual",
            "--material",
            "book",
            "--on",
            "2027-07-19");
    assertThat(code).isZero();
    assertThat(out.toString()).isEqualTo("2027-08-03" + System.lineSeparator());
  }

  @Test
  @DisplayName("R-ILL-2 due-date takes item flags")
  void dueDateWithFlag() {
    int code =
        run(
            "due-date",
            "--policy",
            "narita",
            "--branch",
            "main",
            "--flag",
            "ill-in-prefecture",
            "--on",
            "2027-07-21");
    assertThat(code).isZero();
    assertThat(out.toString().strip()).isEqualTo("2027-08-04");
  }

  @Test
  void unknownBranchIsAUsageError() {
    int code = run("closed-days", "--branch", "tokyo", "--year", "2027");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("unknown branch 'tokyo'");
  }

  @Test
  void missingOptionIsAUsageError() {
    assertThat(run("closed-days", "--branch", "central")).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("--year");
  }

  @Test
  void noSubcommandPrintsUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err.toString()).contains("closed-days", "due-date", "check", "test");
  }

  @Test
  void checkPrintsOkForTheShippedPolicies() {
    assertThat(run("check", "matsuyama")).isZero();
    assertThat(run("check", "narita")).isZero();
    assertThat(out.toString())
        .isEqualTo("OK" + System.lineSeparator() + "OK" + System.lineSeparator());
  }

  @Test
  @DisplayName("policy check names both lines of two equally specific rules")
  void checkNamesBothLines() throws Exception {
    String file = resource("ambiguous.yaml");
    assertThat(run("check", file)).isEqualTo(1);
    assertThat(out.toString())
        .contains(file + ":11:5: loan rules at lines 9 and 11 are equally specific")
        .doesNotContain("line 10");
  }

  @Test
  void checkReportsEveryErrorWithLineAndColumn() throws Exception {
    String file = resource("broken.yaml");
    assertThat(run("check", file)).isEqualTo(1);
    String report = out.toString();
    assertThat(report).contains(file + ":5:5: category individual: unknown key 'pinn'");
    assertThat(report).contains(file + ":9:").contains("'funday' is not a weekday");
    assertThat(report).contains(file + ":11:").contains("unknown material 'dvd'");
    assertThat(report).contains("'2 fortnights' is not a period");
    assertThat(report).contains(file + ":12:").contains("'not-a-code' is not a reason code");
  }

  @Test
  void checkReportsYamlSyntaxErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "policy: x\nmaterials: [book\n", StandardCharsets.UTF_8);
    assertThat(run("check", file.toString())).isEqualTo(1);
    assertThat(out.toString()).startsWith(file + ":").contains("not valid YAML");
  }

  @Test
  void checkReportsAMissingFile() {
    assertThat(run("check", "/nonexistent/policy.yaml")).isEqualTo(1);
    assertThat(out.toString()).contains("no such policy file");
  }

  @Test
  @DisplayName("R-LIMIT-6 due-date --flag delivery is a usage error that names --channel")
  void dueDateRefusesAFlagThePolicyDoesNotDefine() {
    int code =
        run(
            "due-date",
            "--branch",
            "central",
            "--category",
            "disability",
            "--material",
            "braille",
            "--flag",
            "delivery",
            "--on",
            "2027-07-20");
    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("unknown flag 'delivery'")
        .contains("ill-ndl")
        .contains("--channel home-delivery");
  }

  @Test
  @DisplayName("R-LIMIT-6 due-date --channel home-delivery gives the 4-week delivery period")
  void dueDateForHomeDelivery() {
    String[] args = {
      "due-date",
      "--branch",
      "central",
      "--category",
      "disability",
      "--material",
      "braille",
      "--on",
      "2027-07-20"
    };
    assertThat(run(args)).isZero();
    assertThat(out.toString().strip()).isEqualTo("2027-08-03");
    out.getBuffer().setLength(0);
    String[] delivery = java.util.Arrays.copyOf(args, args.length + 2);
    delivery[args.length] = "--channel";
    delivery[args.length + 1] = "home-delivery";
    assertThat(run(delivery)).isZero();
    assertThat(out.toString().strip()).isEqualTo("2027-08-17");
  }

  @Test
  void dueDateRefusesAnUnknownChannelAndAnUnknownOption() {
    assertThat(run("due-date", "--branch", "central", "--on", "2027-07-20", "--channel", "post"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown channel 'post'");
    assertThat(run("due-date", "--branch", "central", "--on", "2027-07-20", "--deliver"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--deliver");
  }

  @Test
  @DisplayName("R-LIMIT-6 due-date refuses a material the category may not borrow, with the rule")
  void dueDateNamesTheEligibilityRefusal() {
    int code =
        run("due-date", "--branch", "central", "--material", "braille", "--on", "2027-07-20");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("NOT_ELIGIBLE").contains("R-LIMIT-6");
  }

  @Test
  @DisplayName("policy test --explain prints each case with the checks that decided")
  void testExplainsEachCase() {
    assertThat(run("test", "--explain", "matsuyama-checkout")).isZero();
    String table = out.toString();
    assertThat(table)
        .contains("R-LIMIT-6 an ILL braille or DAISY item is not lent on an ordinary card")
        .contains("item 1 (braille [ill-other]): refuse NOT_ELIGIBLE (R-LIMIT-6)")
        .contains("=> EligibilityCheck [R-LIMIT-6 R-LIMIT-3]: refuse NOT_ELIGIBLE (R-LIMIT-6)")
        .contains("   CategoryCheck [R-ELIG-1 R-ELIG-2]: category individual")
        .contains("   LoanRuleCheck [")
        .contains("=> DueDateCheck [R-CAL-1 R-ILL-3 R-LIMIT-6]: lend until 2027-08-03 (R-LIMIT-2)")
        .contains("item 1 (large-print, 3 parts): ask PARTS_ON_REQUEST (R-LIMIT-5)");
  }

  @Test
  void testRunsTheShippedScenarios() {
    assertThat(run("test", "shipped")).isZero();
    String table = out.toString();
    assertThat(table).startsWith("RESULT").contains("pass   matsuyama-checkout:");
    assertThat(table).containsPattern("\\d+ passed, 0 failed");
    assertThat(table).doesNotContain("FAIL");
  }

  @Test
  void testFailsOnAWrongExpectation(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("wrong.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "policy: matsuyama",
            "cases:",
            "  - name: R-LIMIT-2 right",
            "    on: 2027-07-20",
            "    checkout:",
            "      - item: {material: book}",
            "        expect: {lend: 2027-08-03}",
            "  - name: R-LIMIT-2 wrong on purpose",
            "    on: 2027-07-20",
            "    checkout:",
            "      - item: {material: book}",
            "        expect: {lend: 2027-08-02}",
            ""),
        StandardCharsets.UTF_8);
    assertThat(run("test", file.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("pass   " + file + ":3 R-LIMIT-2 right")
        .contains("FAIL   " + file + ":8 R-LIMIT-2 wrong on purpose")
        .contains("item 1: expected due 2027-08-02, got 2027-08-03")
        .contains("1 passed, 1 failed");
  }

  @Test
  void testRunsAScenarioAgainstAPolicyFileNextToIt(@TempDir Path dir) throws Exception {
    Files.copy(Path.of(resource("pin-required.yaml")), dir.resolve("local.yaml"));
    Path file = dir.resolve("cases.yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "policy: local.yaml",
            "defaults: {branch: main, on: 2027-07-20}",
            "cases:",
            "  - name: R-CARD-2 no PIN",
            "    checkout:",
            "      - item: {material: book}",
            "        expect: {refuse: PIN_REQUIRED, rule: R-CARD-2}",
            "  - name: R-CARD-2 with PIN",
            "    patron: {pin: true}",
            "    checkout:",
            "      - item: {material: book}",
            "        expect: {lend: 2027-07-27}",
            ""),
        StandardCharsets.UTF_8);
    assertThat(run("test", file.toString())).isZero();
    assertThat(out.toString()).contains("2 passed, 0 failed");
  }

  @Test
  void testReportsScenarioFileErrors(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        "cases:\n  - name: x\n    on: 2027-07-20\n    checkout: [{item: {material: book}}]\n",
        StandardCharsets.UTF_8);
    assertThat(run("test", file.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(file + ":4:").contains("'item' and 'expect'");
  }
}
