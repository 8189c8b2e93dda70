package org.shiori.circulation.policy.load;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.policy.calendar.AnnualClosure;
import org.shiori.circulation.policy.calendar.CalendarOverride;
import org.shiori.circulation.policy.calendar.ClosureRule;
import org.shiori.circulation.policy.calendar.HolidayHandling;
import org.shiori.circulation.policy.calendar.MonthEndClosure;
import org.shiori.circulation.policy.calendar.OpeningHours;
import org.shiori.circulation.policy.calendar.WeeklyClosure;
import org.shiori.circulation.policy.model.BranchDefinition;
import org.shiori.yaml.YamlNode;

/** Reads the {@code branches} section of a policy: closure rules, hours and explicit days. */
final class CalendarReader {

  private static final Set<String> BRANCH_KEYS = Set.of("hours", "closures", "closed", "open");
  private static final Set<String> CLOSURE_KEYS =
      Set.of("rule", "weekly", "ifHoliday", "annual", "monthEnd");
  private static final Set<String> MONTH_END_KEYS = Set.of("months", "avoid", "move");
  private static final Set<String> HOURS_KEYS =
      Set.of(
          "regular",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "holiday");

  private final PolicyYaml doc;

  CalendarReader(PolicyYaml doc) {
    this.doc = doc;
  }

  Optional<BranchDefinition> branch(String id, YamlNode node) {
    String what = "branch " + id;
    if (!id.matches("[a-z][a-z0-9-]*")) {
      doc.problem(node, what + ": ids are lowercase letters, digits and '-'");
    }
    Map<String, YamlNode> map = doc.mapping(node, what, BRANCH_KEYS);
    List<ClosureRule> closures = new ArrayList<>();
    Optional.ofNullable(map.get("closures"))
        .ifPresent(
            n ->
                doc.list(n, what + ".closures")
                    .forEach(c -> closure(what, c).ifPresent(closures::add)));
    OpeningHours hours =
        Optional.ofNullable(map.get("hours")).map(n -> hours(what, n)).orElse(OpeningHours.NONE);
    Set<LocalDate> closed =
        new HashSet<>(
            Optional.ofNullable(map.get("closed"))
                .map(n -> dates(n, what + ".closed"))
                .orElse(List.of()));
    Set<LocalDate> open =
        new HashSet<>(
            Optional.ofNullable(map.get("open"))
                .map(n -> dates(n, what + ".open"))
                .orElse(List.of()));
    Set<LocalDate> both = new HashSet<>(closed);
    both.retainAll(open);
    if (!both.isEmpty()) {
      doc.problem(node, what + ": days both closed and open: " + both);
      return Optional.empty();
    }
    return Optional.of(
        new BranchDefinition(id, closures, hours, new CalendarOverride(closed, open)));
  }

  private Optional<ClosureRule> closure(String what, YamlNode node) {
    Map<String, YamlNode> map = doc.mapping(node, what + " closure", CLOSURE_KEYS);
    Optional<String> ruleId =
        Optional.ofNullable(map.get("rule")).flatMap(n -> doc.text(n, what + " closure.rule"));
    if (ruleId.isEmpty()) {
      doc.problem(node, what + ": each closure names its regulation rule with 'rule'");
      return Optional.empty();
    }
    if (map.containsKey("weekly")) {
      Optional<DayOfWeek> day =
          doc.value(map.get("weekly"), what + ".weekly", CalendarReader::weekday);
      HolidayHandling handling =
          Optional.ofNullable(map.get("ifHoliday"))
              .flatMap(n -> doc.value(n, what + ".ifHoliday", CalendarReader::handling))
              .orElse(HolidayHandling.CLOSED);
      return day.map(d -> new WeeklyClosure(d, handling, ruleId.get()));
    }
    if (map.containsKey("annual")) {
      return doc.value(map.get("annual"), what + ".annual", s -> annual(s, ruleId.get()));
    }
    if (map.containsKey("monthEnd")) {
      return monthEnd(what, map.get("monthEnd"), ruleId.get());
    }
    doc.problem(node, what + ": a closure is 'weekly', 'annual' or 'monthEnd'");
    return Optional.empty();
  }

  private Optional<ClosureRule> monthEnd(String what, YamlNode node, String ruleId) {
    String where = what + ".monthEnd";
    Map<String, YamlNode> map = doc.mapping(node, where, MONTH_END_KEYS);
    Set<Integer> months =
        Optional.ofNullable(map.get("months"))
            .flatMap(n -> doc.value(n, where + ".months", CalendarReader::months))
            .orElse(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    Set<DayOfWeek> avoid = new HashSet<>();
    boolean avoidHolidays = false;
    if (map.containsKey("avoid")) {
      for (String s : doc.texts(map.get("avoid"), where + ".avoid")) {
        if (s.equals("holiday")) {
          avoidHolidays = true;
        } else {
          try {
            avoid.add(weekday(s));
          } catch (IllegalArgumentException e) {
            doc.problem(map.get("avoid"), where + ".avoid: " + e.getMessage() + " or holiday");
          }
        }
      }
    }
    Optional<String> move =
        Optional.ofNullable(map.get("move")).flatMap(n -> doc.text(n, where + ".move"));
    if (move.isEmpty()) {
      doc.problem(node, where + ": give 'move': next-day or preceding-<weekday>");
      return Optional.empty();
    }
    if (move.get().equals("next-day")) {
      return Optional.of(
          new MonthEndClosure(
              months,
              avoid,
              avoidHolidays,
              MonthEndClosure.Move.NEXT_DAY,
              DayOfWeek.MONDAY,
              ruleId));
    }
    if (move.get().startsWith("preceding-")) {
      try {
        DayOfWeek target = weekday(move.get().substring("preceding-".length()));
        return Optional.of(
            new MonthEndClosure(
                months,
                avoid,
                avoidHolidays,
                MonthEndClosure.Move.PRECEDING_WEEKDAY,
                target,
                ruleId));
      } catch (IllegalArgumentException e) {
        doc.problem(map.get("move"), where + ".move: " + e.getMessage());
        return Optional.empty();
      }
    }
    doc.problem(map.get("move"), where + ".move: use next-day or preceding-<weekday>");
    return Optional.empty();
  }

  private OpeningHours hours(String what, YamlNode node) {
    Map<String, YamlNode> map = doc.mapping(node, what + ".hours", HOURS_KEYS);
    Optional<OpeningHours.Span> regular = Optional.empty();
    Optional<OpeningHours.Span> holiday = Optional.empty();
    Map<DayOfWeek, OpeningHours.Span> byDay = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, YamlNode> e : map.entrySet()) {
      Optional<OpeningHours.Span> span =
          doc.value(e.getValue(), what + ".hours." + e.getKey(), CalendarReader::span);
      if (e.getKey().equals("regular")) {
        regular = span;
      } else if (e.getKey().equals("holiday")) {
        holiday = span;
      } else {
        span.ifPresent(s -> byDay.put(weekday(e.getKey()), s));
      }
    }
    return new OpeningHours(regular, byDay, holiday);
  }

  List<LocalDate> dates(YamlNode node, String what) {
    List<LocalDate> result = new ArrayList<>();
    for (YamlNode n : doc.list(node, what)) {
      doc.value(n, what, PolicyReader::date).ifPresent(result::add);
    }
    return result;
  }

  static DayOfWeek weekday(String text) {
    try {
      return DayOfWeek.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a weekday (monday..sunday)", e);
    }
  }

  private static HolidayHandling handling(String text) {
    return switch (text) {
      case "closed" -> HolidayHandling.CLOSED;
      case "open" -> HolidayHandling.OPEN;
      case "next-non-holiday" -> HolidayHandling.NEXT_NON_HOLIDAY;
      default ->
          throw new IllegalArgumentException(
              "'" + text + "' is not allowed; use closed, open or next-non-holiday");
    };
  }

  private static ClosureRule annual(String text, String ruleId) {
    String[] parts = text.split("\\.\\.");
    if (parts.length > 2) {
      throw new IllegalArgumentException("write a day '01-04' or a range '12-29..01-03'");
    }
    MonthDay from = PolicyReader.monthDay(parts[0]);
    MonthDay to = parts.length == 2 ? PolicyReader.monthDay(parts[1]) : from;
    return new AnnualClosure(from, to, ruleId);
  }

  private static Set<Integer> months(String text) {
    String[] parts = text.split("-");
    try {
      int from = Integer.parseInt(parts[0].trim());
      int to = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : from;
      if (parts.length > 2 || from < 1 || to > 12 || from > to) {
        throw new IllegalArgumentException("months are a range within 1-12 such as 1-11");
      }
      Set<Integer> result = new HashSet<>();
      for (int m = from; m <= to; m++) {
        result.add(m);
      }
      return result;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("months are a range within 1-12 such as 1-11", e);
    }
  }

  private static OpeningHours.Span span(String text) {
    String[] parts = text.split("-");
    if (parts.length != 2) {
      throw new IllegalArgumentException("write hours like 09:30-20:00");
    }
    try {
      return new OpeningHours.Span(
          LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + text + "': write hours like 09:30-20:00", e);
    }
  }
}
