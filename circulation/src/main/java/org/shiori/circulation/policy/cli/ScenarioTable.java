package org.shiori.circulation.policy.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.shiori.circulation.policy.scenario.ScenarioResult;

/** The pass/fail table of {@code policy test}. */
final class ScenarioTable {

  private record Row(String file, ScenarioResult result) {}

  private final List<Row> rows = new ArrayList<>();
  private final boolean explain;

  ScenarioTable(boolean explain) {
    this.explain = explain;
  }

  ScenarioTable() {
    this(false);
  }

  void add(String file, List<ScenarioResult> results) {
    results.forEach(r -> rows.add(new Row(file, r)));
  }

  long failures() {
    return rows.stream().filter(r -> !r.result.passed()).count();
  }

  void print(PrintWriter out) {
    int width = rows.stream().mapToInt(r -> label(r).length()).max().orElse(4);
    out.printf("%-6s %-" + width + "s %s%n", "RESULT", "CASE", "DETAIL");
    for (Row row : rows) {
      String line =
          String.format(
              "%-6s %-" + width + "s %s",
              row.result.passed() ? "pass" : "FAIL",
              label(row),
              String.join("; ", row.result.mismatches()));
      out.println(line.stripTrailing());
      if (explain) {
        row.result.explanation().forEach(e -> out.println("       " + e));
      }
    }
    out.printf("%d passed, %d failed%n", rows.size() - failures(), failures());
    out.flush();
  }

  private static String label(Row r) {
    return r.file + ":" + r.result.line() + " " + r.result.name();
  }
}
