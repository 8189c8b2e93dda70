package org.shiori.circulation.policy.scenario;

import java.io.Reader;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.CheckoutContext;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.RenewalContext;
import org.shiori.circulation.policy.ReturnContext;
import org.shiori.circulation.policy.calendar.BranchCalendar;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.policy.load.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a scenario file (format: docs/policy.md, "Scenarios"): librarian-written cases with a
 * patron, items and a date, and the decision, reason and due date they expect.
 */
public final class ScenarioReader {

  /** The patron of a case. */
  public static final PatronKey SELF = new PatronKey("5e1f5e1f5e1f5e1f");

  /** Another patron, who holds items in hold cases. */
  public static final PatronKey OTHER = new PatronKey("07e407e407e407e4");

  private static final Set<String> TOP_KEYS = Set.of("policy", "zone", "defaults", "cases");
  private static final Set<String> CASE_KEYS =
      Set.of(
          "name",
          "branch",
          "on",
          "patron",
          "session",
          "checkout",
          "return",
          "renew",
          "holdRequest",
          "calendar",
          "dueDate",
          "expect");
  private static final Set<String> PATRON_KEYS =
      Set.of(
          "category",
          "expires",
          "overdue",
          "staffBlock",
          "pin",
          "loans",
          "illThisYear",
          "illOnLoan",
          "holds",
          "groupConfirmed",
          "home");
  private static final Set<String> ITEM_KEYS =
      Set.of("id", "material", "flags", "parts", "onPad", "status", "hold", "home");
  private static final Set<String> EXPECT_KEYS =
      Set.of("lend", "refuse", "rule", "allow", "bin", "to");

  private final YamlDocument doc;
  private ZoneId zone = ZoneId.of("Asia/Tokyo");

  private ScenarioReader(YamlDocument doc) {
    this.doc = doc;
  }

  /**
   * Reads a scenario file.
   *
   * @throws PolicyException listing every problem with line and column
   */
  public static ScenarioFile read(String source, Reader text) {
    YamlDocument.Parsed parsed = YamlDocument.read(source, text);
    if (parsed.root().isEmpty()) {
      if (!parsed.doc().hasProblems()) {
        parsed.doc().problemAt(1, 1, "the file is empty");
      }
      throw new PolicyException(parsed.doc().problems());
    }
    ScenarioFile file = new ScenarioReader(parsed.doc()).file(source, parsed.root().get());
    if (parsed.doc().hasProblems()) {
      throw new PolicyException(parsed.doc().problems());
    }
    return file;
  }

  private ScenarioFile file(String source, Node root) {
    Map<String, Node> top = doc.mapping(root, "scenario file", TOP_KEYS);
    String policy =
        Optional.ofNullable(top.get("policy"))
            .flatMap(n -> doc.text(n, "policy"))
            .orElse("matsuyama");
    Optional.ofNullable(top.get("zone"))
        .flatMap(n -> doc.value(n, "zone", ZoneId::of))
        .ifPresent(z -> zone = z);
    Map<String, Node> defaults =
        top.containsKey("defaults")
            ? doc.mapping(top.get("defaults"), "defaults", CASE_KEYS)
            : Map.of();
    List<Scenario> scenarios = new ArrayList<>();
    if (!top.containsKey("cases")) {
      doc.problem(root, "missing required key 'cases'");
    } else {
      for (Node c : doc.list(top.get("cases"), "cases")) {
        scenario(c, defaults).ifPresent(scenarios::add);
      }
    }
    return new ScenarioFile(source, policy, zone, scenarios);
  }

  private Optional<Scenario> scenario(Node node, Map<String, Node> defaults) {
    int line = node.getStartMark().getLine() + 1;
    Map<String, Node> own = doc.mapping(node, "case at line " + line, CASE_KEYS);
    Map<String, Node> c = new LinkedHashMap<>(defaults);
    c.putAll(own);
    String name =
        Optional.ofNullable(own.get("name"))
            .flatMap(n -> doc.text(n, "name"))
            .orElse("line " + line);
    String branch =
        Optional.ofNullable(c.get("branch")).flatMap(n -> doc.text(n, "branch")).orElse("central");
    ZonedDateTime now =
        Optional.ofNullable(c.get("on"))
            .flatMap(n -> doc.value(n, "on", this::moment))
            .orElse(null);
    if (now == null) {
      doc.problem(node, "case '" + name + "': give the date with 'on'");
      return Optional.empty();
    }
    Function<CirculationPolicy, List<String>> check = action(node, c, defaults, branch, now);
    return check == null ? Optional.empty() : Optional.of(new Scenario(name, line, check));
  }

  private Function<CirculationPolicy, List<String>> action(
      Node node,
      Map<String, Node> c,
      Map<String, Node> defaults,
      String branch,
      ZonedDateTime now) {
    if (c.containsKey("checkout")) {
      return checkout(c, defaults, branch, now);
    }
    if (c.containsKey("return")) {
      return returnCase(c.get("return"), c.get("expect"), branch, now);
    }
    if (c.containsKey("renew")) {
      return renew(c, defaults, branch, now);
    }
    if (c.containsKey("holdRequest")) {
      PatronSnapshot patron = patron(c.get("patron"), defaults.get("patron"), branch);
      Expect expect = expect(c.get("expect"), node);
      return p -> {
        Optional<Decision> refusal = p.holdRequestRefusal(patron);
        return expect.compare(refusal.orElse(null), "hold request");
      };
    }
    if (c.containsKey("calendar")) {
      return calendar(c.get("calendar"), branch);
    }
    if (c.containsKey("dueDate")) {
      return dueDate(c.get("dueDate"), branch, now.toLocalDate());
    }
    doc.problem(node, "a case has one of: checkout, return, renew, holdRequest, calendar, dueDate");
    return null;
  }

  private Function<CirculationPolicy, List<String>> checkout(
      Map<String, Node> c, Map<String, Node> defaults, String branch, ZonedDateTime now) {
    PatronSnapshot patron = patron(c.get("patron"), defaults.get("patron"), branch);
    boolean pin = patronPin(c.get("patron"), defaults.get("patron"));
    List<ItemRecord> session = new ArrayList<>();
    if (c.containsKey("session")) {
      for (Node n : doc.list(c.get("session"), "session")) {
        session.add(item(n, branch, session.size()).item);
      }
    }
    List<StackEntry> stack = new ArrayList<>();
    for (Node n : doc.list(c.get("checkout"), "checkout")) {
      Map<String, Node> entry = doc.mapping(n, "checkout entry", Set.of("item", "expect"));
      if (!entry.containsKey("item") || !entry.containsKey("expect")) {
        doc.problem(n, "a checkout entry has 'item' and 'expect'");
        continue;
      }
      stack.add(
          new StackEntry(
              item(entry.get("item"), branch, 100 + stack.size()), expect(entry.get("expect"), n)));
    }
    return p -> {
      List<String> mismatches = new ArrayList<>();
      List<ItemRecord> lent = new ArrayList<>(session);
      for (int i = 0; i < stack.size(); i++) {
        StackEntry e = stack.get(i);
        Decision d =
            p.checkout(
                new CheckoutContext(patron, e.item.item, e.item.onPad, lent, branch, now, pin));
        mismatches.addAll(e.expect.compare(d, "item " + (i + 1)));
        if (d.allowed()) {
          lent.add(e.item.item);
        }
      }
      return mismatches;
    };
  }

  private record StackEntry(ItemOnPad item, Expect expect) {}

  private record ItemOnPad(ItemRecord item, int onPad) {}

  private Function<CirculationPolicy, List<String>> renew(
      Map<String, Node> c, Map<String, Node> defaults, String branch, ZonedDateTime now) {
    PatronSnapshot patron = patron(c.get("patron"), defaults.get("patron"), branch);
    boolean pin = patronPin(c.get("patron"), defaults.get("patron"));
    Map<String, Node> r = doc.mapping(c.get("renew"), "renew", Set.of("item", "renewals"));
    if (!r.containsKey("item")) {
      doc.problem(c.get("renew"), "renew needs an 'item'");
      return null;
    }
    ItemRecord item = item(r.get("item"), branch, 0).item;
    int renewals =
        Optional.ofNullable(r.get("renewals")).flatMap(n -> doc.integer(n, "renewals")).orElse(0);
    Expect expect = expect(c.get("expect"), c.get("renew"));
    return p ->
        expect.compare(
            p.renew(new RenewalContext(patron, item, renewals, branch, now, pin)), "renewal");
  }

  private Function<CirculationPolicy, List<String>> returnCase(
      Node node, Node expectNode, String branch, ZonedDateTime now) {
    Map<String, Node> r = doc.mapping(node, "return", Set.of("item", "damaged", "holdPickup"));
    if (!r.containsKey("item") || expectNode == null) {
      doc.problem(
          node, "a return case has 'return: {item: ...}' and 'expect: {bin: ..., to: ...}'");
      return null;
    }
    ItemRecord item = item(r.get("item"), branch, 0).item;
    boolean damaged =
        Optional.ofNullable(r.get("damaged")).flatMap(n -> doc.bool(n, "damaged")).orElse(false);
    Optional<String> pickup =
        Optional.ofNullable(r.get("holdPickup")).flatMap(n -> doc.text(n, "holdPickup"));
    Map<String, Node> e = doc.mapping(expectNode, "expect", Set.of("bin", "to"));
    Optional<ReturnRoute.Bin> bin =
        Optional.ofNullable(e.get("bin"))
            .flatMap(
                n -> doc.value(n, "bin", s -> ReturnRoute.Bin.valueOf(s.toUpperCase(Locale.ROOT))));
    Optional<String> to = Optional.ofNullable(e.get("to")).flatMap(n -> doc.text(n, "to"));
    return p -> {
      ReturnRoute route = p.route(new ReturnContext(item, branch, damaged, now, pickup));
      List<String> m = new ArrayList<>();
      bin.filter(b -> b != route.bin())
          .ifPresent(b -> m.add("expected bin " + b + ", got " + route.bin()));
      to.filter(t -> !t.equals(route.targetBranch()))
          .ifPresent(t -> m.add("expected to " + t + ", got " + route.targetBranch()));
      return m;
    };
  }

  private Function<CirculationPolicy, List<String>> calendar(Node node, String branch) {
    Map<String, Node> m = doc.mapping(node, "calendar", Set.of("closed", "open"));
    List<LocalDate> closed = m.containsKey("closed") ? dates(m.get("closed")) : List.of();
    List<LocalDate> open = m.containsKey("open") ? dates(m.get("open")) : List.of();
    return p -> {
      BranchCalendar cal = p.calendar(branch);
      List<String> mismatches = new ArrayList<>();
      closed.stream()
          .filter(cal::isOpen)
          .forEach(d -> mismatches.add(d + " expected closed, is open"));
      open.stream()
          .filter(cal::isClosed)
          .forEach(d -> mismatches.add(d + " expected open, is closed"));
      return mismatches;
    };
  }

  private Function<CirculationPolicy, List<String>> dueDate(
      Node node, String branch, LocalDate on) {
    Map<String, Node> m =
        doc.mapping(node, "dueDate", Set.of("category", "material", "flags", "expect"));
    String category =
        Optional.ofNullable(m.get("category"))
            .flatMap(n -> doc.text(n, "category"))
            .orElse("individual");
    String material =
        Optional.ofNullable(m.get("material")).flatMap(n -> doc.text(n, "material")).orElse("book");
    Set<String> flags =
        m.containsKey("flags") ? Set.copyOf(doc.texts(m.get("flags"), "flags")) : Set.of();
    Optional<LocalDate> expected =
        Optional.ofNullable(m.get("expect")).flatMap(n -> doc.value(n, "expect", LocalDate::parse));
    if (expected.isEmpty()) {
      doc.problem(node, "dueDate needs 'expect: <date>'");
      return null;
    }
    return p -> {
      LocalDate due = p.dueDate(category, material, flags, branch, on);
      return due.equals(expected.get())
          ? List.of()
          : List.of("expected due " + expected.get() + ", got " + due);
    };
  }

  private List<LocalDate> dates(Node node) {
    List<LocalDate> result = new ArrayList<>();
    for (Node n : doc.list(node, "dates")) {
      doc.value(n, "date", LocalDate::parse).ifPresent(result::add);
    }
    return result;
  }

  private ZonedDateTime moment(String text) {
    if (text.length() <= 10) {
      return LocalDate.parse(text).atTime(LocalTime.of(10, 0)).atZone(zone);
    }
    return LocalDateTime.parse(text).atZone(zone);
  }

  private Map<String, Node> merged(Node own, Node fallback, String what, Set<String> keys) {
    Map<String, Node> result = new HashMap<>();
    if (fallback != null) {
      result.putAll(doc.mapping(fallback, what, keys));
    }
    if (own != null && own != fallback) {
      result.putAll(doc.mapping(own, what, keys));
    }
    return result;
  }

  private boolean patronPin(Node own, Node fallback) {
    Map<String, Node> p = merged(own, fallback, "patron", PATRON_KEYS);
    return Optional.ofNullable(p.get("pin")).flatMap(n -> doc.bool(n, "pin")).orElse(false);
  }

  private PatronSnapshot patron(Node own, Node fallback, String branch) {
    Map<String, Node> p = merged(own, fallback, "patron", PATRON_KEYS);
    Map<String, Integer> loans = new HashMap<>();
    if (p.containsKey("loans")) {
      doc.mapping(p.get("loans"), "patron.loans", Set.of())
          .forEach((m, n) -> doc.integer(n, "loans." + m).ifPresent(v -> loans.put(m, v)));
    }
    return new PatronSnapshot(
        SELF,
        text(p, "category").orElse("individual"),
        date(p, "expires").orElse(LocalDate.of(2099, 12, 31)),
        bool(p, "staffBlock"),
        bool(p, "overdue"),
        loans,
        integer(p, "illThisYear"),
        integer(p, "illOnLoan"),
        integer(p, "holds"),
        date(p, "groupConfirmed"),
        text(p, "home").orElse(branch));
  }

  private ItemOnPad item(Node node, String branch, int n) {
    Map<String, Node> i = doc.mapping(node, "item", ITEM_KEYS);
    if (!i.containsKey("material")) {
      doc.problem(node, "an item needs a 'material'");
    }
    int parts = i.containsKey("parts") ? integer(i, "parts") : 1;
    String hold = text(i, "hold").orElse("none");
    Optional<PatronKey> holdFor =
        switch (hold) {
          case "self" -> Optional.of(SELF);
          case "other" -> Optional.of(OTHER);
          case "none" -> Optional.empty();
          default -> {
            doc.problem(i.get("hold"), "hold is none, self or other");
            yield Optional.empty();
          }
        };
    ItemStatus status =
        Optional.ofNullable(i.get("status"))
            .flatMap(
                s -> doc.value(s, "status", v -> ItemStatus.valueOf(v.toUpperCase(Locale.ROOT))))
            .orElse(ItemStatus.AVAILABLE);
    ItemRecord item =
        new ItemRecord(
            text(i, "id").orElse("item-" + n),
            "-",
            text(i, "material").orElse("book"),
            text(i, "home").orElse(branch),
            status,
            i.containsKey("flags") ? Set.copyOf(doc.texts(i.get("flags"), "flags")) : Set.of(),
            Math.max(1, parts),
            holdFor);
    int onPad = i.containsKey("onPad") ? integer(i, "onPad") : item.parts();
    return new ItemOnPad(item, onPad);
  }

  private Optional<String> text(Map<String, Node> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.text(n, key));
  }

  private Optional<LocalDate> date(Map<String, Node> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.value(n, key, LocalDate::parse));
  }

  private boolean bool(Map<String, Node> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.bool(n, key)).orElse(false);
  }

  private int integer(Map<String, Node> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.integer(n, key)).orElse(0);
  }

  /** What a case expects of a decision. */
  private record Expect(
      boolean lend, Optional<LocalDate> due, Optional<String> reason, Optional<String> rule) {
    List<String> compare(Decision d, String what) {
      List<String> m = new ArrayList<>();
      if (d == null) {
        if (!lend) {
          m.add(what + ": expected refuse " + reason.orElse("") + ", got allowed");
        }
        return m;
      }
      if (lend != d.allowed()) {
        m.add(what + ": expected " + describe() + ", got " + describe(d));
        return m;
      }
      due.filter(x -> !d.dueDate().equals(Optional.of(x)))
          .ifPresent(
              x -> m.add(what + ": expected due " + x + ", got " + d.dueDate().orElse(null)));
      reason
          .filter(x -> !d.reasonCode().equals(Optional.of(x)))
          .ifPresent(
              x -> m.add(what + ": expected reason " + x + ", got " + d.reasonCode().orElse("-")));
      rule.filter(x -> !x.equals(d.ruleId()))
          .ifPresent(x -> m.add(what + ": expected rule " + x + ", got " + d.ruleId()));
      return m;
    }

    private String describe() {
      return lend
          ? "lend " + due.map(LocalDate::toString).orElse("")
          : "refuse " + reason.orElse("");
    }

    private static String describe(Decision d) {
      return d.allowed()
          ? "lend " + d.dueDate().orElseThrow()
          : "refuse " + d.reasonCode().orElseThrow() + " (" + d.ruleId() + ")";
    }
  }

  private Expect expect(Node node, Node owner) {
    if (node == null) {
      doc.problem(owner, "missing 'expect'");
      return new Expect(true, Optional.empty(), Optional.empty(), Optional.empty());
    }
    Map<String, Node> e = doc.mapping(node, "expect", EXPECT_KEYS);
    Optional<String> rule = text(e, "rule");
    if (e.containsKey("refuse")) {
      return new Expect(false, Optional.empty(), text(e, "refuse"), rule);
    }
    if (e.containsKey("lend")) {
      Optional<String> due = text(e, "lend");
      Optional<LocalDate> date =
          due.filter(s -> !s.equals("any"))
              .flatMap(s -> doc.value(e.get("lend"), "lend", LocalDate::parse));
      return new Expect(true, date, Optional.empty(), rule);
    }
    if (e.containsKey("allow")) {
      return new Expect(true, Optional.empty(), Optional.empty(), rule);
    }
    doc.problem(node, "expect has 'lend: <date>|any', 'refuse: <REASON>' or 'allow: true'");
    return new Expect(true, Optional.empty(), Optional.empty(), rule);
  }
}
