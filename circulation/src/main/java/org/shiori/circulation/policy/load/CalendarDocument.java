package org.shiori.circulation.policy.load;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.calendar.CalendarOverride;
import org.shiori.yaml.YamlNode;

/**
 * Central's calendar document: temporary closures and openings per branch (R-CAL-5), on top of the
 * rules of the policy. Read with the policy's YAML reader, which composes nodes and never
 * constructs objects from tags. The devices decide with it, and central renews with it, through
 * {@link #applyTo}: one meaning of the document for both.
 *
 * <pre>
 * branches:
 *   main:
 *     closed: [2026-12-28, 2026-12-29]
 *     open: [2027-01-04]
 * </pre>
 *
 * @param overrides per branch id, the days closed and opened
 */
public record CalendarDocument(Map<String, CalendarOverride> overrides) {
  /** No calendar document received yet. */
  public static final CalendarDocument NONE = new CalendarDocument(Map.of());

  public CalendarDocument {
    overrides = Map.copyOf(overrides);
  }

  /**
   * @param source the name shown in problems
   * @throws PolicyException listing every problem with line and column
   */
  public static CalendarDocument read(String source, String text) {
    PolicyYaml.Parsed parsed = PolicyYaml.read(source, new StringReader(text));
    PolicyYaml doc = parsed.doc();
    if (parsed.root().isEmpty()) {
      if (!doc.hasProblems()) {
        doc.problemAt(1, 1, "the calendar document is empty");
      }
      throw new PolicyException(doc.problems());
    }
    Map<String, YamlNode> top =
        doc.mapping(parsed.root().get(), "calendar document", Set.of("branches"));
    Map<String, CalendarOverride> overrides = new LinkedHashMap<>();
    YamlNode branchesNode = top.get("branches");
    if (branchesNode == null) {
      doc.problem(parsed.root().get(), "calendar document: 'branches' is required");
    } else {
      Map<String, YamlNode> branches = doc.mapping(branchesNode, "branches", Set.of());
      branches.forEach(
          (id, node) -> readBranch(doc, id, node).ifPresent(o -> overrides.put(id, o)));
    }
    if (doc.hasProblems()) {
      throw new PolicyException(doc.problems());
    }
    return new CalendarDocument(overrides);
  }

  /**
   * The policy with each branch's closures and openings of this document: a due date on a closed
   * day moves as the loan rule says (R-CAL-1).
   *
   * @throws IllegalArgumentException when the document names a branch the policy does not define
   */
  public CirculationPolicy applyTo(CirculationPolicy base) {
    CirculationPolicy policy = base;
    for (Map.Entry<String, CalendarOverride> e : overrides.entrySet()) {
      if (!base.branches().contains(e.getKey())) {
        throw new IllegalArgumentException(
            "calendar names branch '"
                + e.getKey()
                + "', which the policy does not define ("
                + String.join(", ", base.branches())
                + ")");
      }
      policy = policy.withCalendarOverride(e.getKey(), e.getValue());
    }
    return policy;
  }

  private static Optional<CalendarOverride> readBranch(PolicyYaml doc, String id, YamlNode node) {
    String what = "branch " + id;
    Map<String, YamlNode> map = doc.mapping(node, what, Set.of("closed", "open"));
    Set<LocalDate> closed = days(doc, map.get("closed"), what + ".closed");
    Set<LocalDate> open = days(doc, map.get("open"), what + ".open");
    try {
      return Optional.of(new CalendarOverride(closed, open));
    } catch (IllegalArgumentException e) {
      doc.problem(node, what + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  private static Set<LocalDate> days(PolicyYaml doc, YamlNode node, String what) {
    Set<LocalDate> days = new LinkedHashSet<>();
    if (node == null) {
      return days;
    }
    List<YamlNode> items = doc.list(node, what);
    for (YamlNode item : items) {
      doc.value(item, what, s -> LocalDate.parse(s.trim())).ifPresent(days::add);
    }
    return days;
  }
}
