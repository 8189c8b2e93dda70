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
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.LenderInstructions;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.domain.ReturnRoute;
import org.shiori.circulation.policy.LoanChannel;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.policy.load.PolicyYaml;
import org.shiori.circulation.policy.model.Period;
import org.shiori.yaml.YamlNode;

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
      Set.of(
          "id",
          "material",
          "flags",
          "parts",
          "onPad",
          "status",
          "hold",
          "home",
          "lendingLibrary",
          "lendingBranch",
          "lender");
  private static final Set<String> LENDER_KEYS = Set.of("dueDate", "period", "inLibraryOnly");
  private static final Set<String> CHECKOUT_KEYS =
      Set.of("item", "expect", "splitRequested", "channel");
  private static final Set<String> EXPECT_KEYS =
      Set.of("lend", "refuse", "ask", "rule", "allow", "bin", "to");

  private final PolicyYaml doc;
  private ZoneId zone = ZoneId.of("Asia/Tokyo");

  private ScenarioReader(PolicyYaml doc) {
    this.doc = doc;
  }

  /**
   * Reads a scenario file.
   *
   * @throws PolicyException listing every problem with line and column
   */
  public static ScenarioFile read(String source, Reader text) {
    PolicyYaml.Parsed parsed = PolicyYaml.read(source, text);
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

  private ScenarioFile file(String source, YamlNode root) {
    Map<String, YamlNode> top = doc.mapping(root, "scenario file", TOP_KEYS);
    String policy =
        Optional.ofNullable(top.get("policy"))
            .flatMap(n -> doc.text(n, "policy"))
            .orElse("matsuyama");
    Optional.ofNullable(top.get("zone"))
        .flatMap(n -> doc.value(n, "zone", ZoneId::of))
        .ifPresent(z -> zone = z);
    Map<String, YamlNode> defaults =
        top.containsKey("defaults")
            ? doc.mapping(top.get("defaults"), "defaults", CASE_KEYS)
            : Map.of();
    List<Scenario> scenarios = new ArrayList<>();
    if (!top.containsKey("cases")) {
      doc.problem(root, "missing required key 'cases'");
    } else {
      for (YamlNode c : doc.list(top.get("cases"), "cases")) {
        scenario(c, defaults).ifPresent(scenarios::add);
      }
    }
    return new ScenarioFile(source, policy, zone, scenarios);
  }

  private Optional<Scenario> scenario(YamlNode node, Map<String, YamlNode> defaults) {
    int line = node.position().line();
    Map<String, YamlNode> own = doc.mapping(node, "case at line " + line, CASE_KEYS);
    Map<String, YamlNode> c = new LinkedHashMap<>(defaults);
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
    PatronSnapshot patron = patron(c.get("patron"), defaults.get("patron"), branch);
    boolean pin = patronPin(c.get("patron"), defaults.get("patron"));
    List<ItemRecord> session = new ArrayList<>();
    if (c.containsKey("session")) {
      for (YamlNode n : doc.list(c.get("session"), "session")) {
        session.add(item(n, branch, session.size()).item);
      }
    }
    Scenario.Given given = new Scenario.Given(patron, pin, session, branch, now);
    List<Scenario.Step> steps = steps(node, c, branch, now);
    return steps == null ? Optional.empty() : Optional.of(new Scenario(name, line, given, steps));
  }

  private List<Scenario.Step> steps(
      YamlNode node, Map<String, YamlNode> c, String branch, ZonedDateTime now) {
    if (c.containsKey("checkout")) {
      return checkout(c, branch);
    }
    if (c.containsKey("return")) {
      return returnCase(c.get("return"), c.get("expect"), branch);
    }
    if (c.containsKey("renew")) {
      return renew(c, branch);
    }
    if (c.containsKey("holdRequest")) {
      return List.of(new Scenario.Step(new Scenario.HoldRequest(), expect(c.get("expect"), node)));
    }
    if (c.containsKey("calendar")) {
      return List.of(calendar(c.get("calendar")));
    }
    if (c.containsKey("dueDate")) {
      Scenario.Step step = dueDate(c.get("dueDate"));
      return step == null ? null : List.of(step);
    }
    doc.problem(node, "a case has one of: checkout, return, renew, holdRequest, calendar, dueDate");
    return null;
  }

  private List<Scenario.Step> checkout(Map<String, YamlNode> c, String branch) {
    List<Scenario.Step> steps = new ArrayList<>();
    for (YamlNode n : doc.list(c.get("checkout"), "checkout")) {
      Map<String, YamlNode> entry = doc.mapping(n, "checkout entry", CHECKOUT_KEYS);
      if (!entry.containsKey("item") || !entry.containsKey("expect")) {
        doc.problem(n, "a checkout entry has 'item' and 'expect'");
        continue;
      }
      ItemOnPad item = item(entry.get("item"), branch, 100 + steps.size());
      LoanChannel channel =
          Optional.ofNullable(entry.get("channel"))
              .flatMap(ch -> doc.value(ch, "channel", ScenarioReader::channel))
              .orElse(LoanChannel.KIOSK);
      steps.add(
          new Scenario.Step(
              new Scenario.Checkout(item.item, item.onPad, bool(entry, "splitRequested"), channel),
              expect(entry.get("expect"), n)));
    }
    return steps;
  }

  private static LoanChannel channel(String text) {
    return switch (text) {
      case "kiosk" -> LoanChannel.KIOSK;
      case "home-delivery" -> LoanChannel.HOME_DELIVERY;
      default -> throw new IllegalArgumentException("'" + text + "': use kiosk or home-delivery");
    };
  }

  private record ItemOnPad(ItemRecord item, int onPad) {}

  private List<Scenario.Step> renew(Map<String, YamlNode> c, String branch) {
    Map<String, YamlNode> r = doc.mapping(c.get("renew"), "renew", Set.of("item", "renewals"));
    if (!r.containsKey("item")) {
      doc.problem(c.get("renew"), "renew needs an 'item'");
      return null;
    }
    ItemRecord item = item(r.get("item"), branch, 0).item;
    int renewals =
        Optional.ofNullable(r.get("renewals")).flatMap(n -> doc.integer(n, "renewals")).orElse(0);
    return List.of(
        new Scenario.Step(
            new Scenario.Renewal(item, renewals), expect(c.get("expect"), c.get("renew"))));
  }

  private List<Scenario.Step> returnCase(YamlNode node, YamlNode expectNode, String branch) {
    Map<String, YamlNode> r = doc.mapping(node, "return", Set.of("item", "damaged", "holdPickup"));
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
    Map<String, YamlNode> e = doc.mapping(expectNode, "expect", Set.of("bin", "to"));
    Optional<ReturnRoute.Bin> bin =
        Optional.ofNullable(e.get("bin"))
            .flatMap(
                n -> doc.value(n, "bin", s -> ReturnRoute.Bin.valueOf(s.toUpperCase(Locale.ROOT))));
    Optional<String> to = Optional.ofNullable(e.get("to")).flatMap(n -> doc.text(n, "to"));
    return List.of(
        new Scenario.Step(
            new Scenario.Return(item, damaged, pickup), new Scenario.ExpectRoute(bin, to)));
  }

  private Scenario.Step calendar(YamlNode node) {
    Map<String, YamlNode> m = doc.mapping(node, "calendar", Set.of("closed", "open"));
    List<LocalDate> closed = m.containsKey("closed") ? dates(m.get("closed")) : List.of();
    List<LocalDate> open = m.containsKey("open") ? dates(m.get("open")) : List.of();
    return new Scenario.Step(
        new Scenario.CalendarDays(), new Scenario.ExpectDays(Set.copyOf(closed), Set.copyOf(open)));
  }

  private Scenario.Step dueDate(YamlNode node) {
    Map<String, YamlNode> m =
        doc.mapping(node, "dueDate", Set.of("category", "material", "flags", "channel", "expect"));
    String category =
        Optional.ofNullable(m.get("category"))
            .flatMap(n -> doc.text(n, "category"))
            .orElse("individual");
    String material =
        Optional.ofNullable(m.get("material")).flatMap(n -> doc.text(n, "material")).orElse("book");
    Set<String> flags =
        m.containsKey("flags") ? Set.copyOf(doc.texts(m.get("flags"), "flags")) : Set.of();
    LoanChannel channel =
        Optional.ofNullable(m.get("channel"))
            .flatMap(ch -> doc.value(ch, "channel", ScenarioReader::channel))
            .orElse(LoanChannel.KIOSK);
    Optional<LocalDate> expected =
        Optional.ofNullable(m.get("expect")).flatMap(n -> doc.value(n, "expect", LocalDate::parse));
    if (expected.isEmpty()) {
      doc.problem(node, "dueDate needs 'expect: <date>'");
      return null;
    }
    return new Scenario.Step(
        new Scenario.DueDate(category, material, flags, channel),
        new Scenario.ExpectDecision(
            Decision.Outcome.LEND, expected, Optional.empty(), Optional.empty()));
  }

  private List<LocalDate> dates(YamlNode node) {
    List<LocalDate> result = new ArrayList<>();
    for (YamlNode n : doc.list(node, "dates")) {
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

  private Map<String, YamlNode> merged(
      YamlNode own, YamlNode fallback, String what, Set<String> keys) {
    Map<String, YamlNode> result = new HashMap<>();
    if (fallback != null) {
      result.putAll(doc.mapping(fallback, what, keys));
    }
    if (own != null && own != fallback) {
      result.putAll(doc.mapping(own, what, keys));
    }
    return result;
  }

  private boolean patronPin(YamlNode own, YamlNode fallback) {
    Map<String, YamlNode> p = merged(own, fallback, "patron", PATRON_KEYS);
    return Optional.ofNullable(p.get("pin")).flatMap(n -> doc.bool(n, "pin")).orElse(false);
  }

  private PatronSnapshot patron(YamlNode own, YamlNode fallback, String branch) {
    Map<String, YamlNode> p = merged(own, fallback, "patron", PATRON_KEYS);
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

  private ItemOnPad item(YamlNode node, String branch, int n) {
    Map<String, YamlNode> i = doc.mapping(node, "item", ITEM_KEYS);
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
            holdFor,
            text(i, "lendingLibrary"),
            text(i, "lendingBranch"),
            i.containsKey("lender") ? lender(i.get("lender")) : LenderInstructions.NONE);
    int onPad = i.containsKey("onPad") ? integer(i, "onPad") : item.parts();
    return new ItemOnPad(item, onPad);
  }

  private LenderInstructions lender(YamlNode node) {
    Map<String, YamlNode> m = doc.mapping(node, "lender", LENDER_KEYS);
    Optional<java.time.Period> period =
        Optional.ofNullable(m.get("period"))
            .flatMap(n -> doc.value(n, "lender.period", ScenarioReader::period));
    return new LenderInstructions(date(m, "dueDate"), period, bool(m, "inLibraryOnly"));
  }

  /** A period as a policy writes it ("4 weeks"), as the item record carries it. */
  private static java.time.Period period(String text) {
    Period p = Period.parse(text);
    return switch (p.unit()) {
      case DAYS -> java.time.Period.ofDays(p.amount());
      case WEEKS -> java.time.Period.ofWeeks(p.amount());
      default -> java.time.Period.ofMonths(p.amount());
    };
  }

  private Optional<String> text(Map<String, YamlNode> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.text(n, key));
  }

  private Optional<LocalDate> date(Map<String, YamlNode> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.value(n, key, LocalDate::parse));
  }

  private boolean bool(Map<String, YamlNode> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.bool(n, key)).orElse(false);
  }

  private int integer(Map<String, YamlNode> m, String key) {
    return Optional.ofNullable(m.get(key)).flatMap(n -> doc.integer(n, key)).orElse(0);
  }

  private Scenario.ExpectDecision expect(YamlNode node, YamlNode owner) {
    if (node == null) {
      doc.problem(owner, "missing 'expect'");
      return anyLend(Optional.empty());
    }
    Map<String, YamlNode> e = doc.mapping(node, "expect", EXPECT_KEYS);
    Optional<String> rule = text(e, "rule");
    if (e.containsKey("refuse")) {
      return new Scenario.ExpectDecision(
          Decision.Outcome.REFUSE, Optional.empty(), text(e, "refuse"), rule);
    }
    if (e.containsKey("ask")) {
      return new Scenario.ExpectDecision(
          Decision.Outcome.ASK_PATRON, Optional.empty(), text(e, "ask"), rule);
    }
    if (e.containsKey("lend")) {
      Optional<String> due = text(e, "lend");
      Optional<LocalDate> date =
          due.filter(s -> !s.equals("any"))
              .flatMap(s -> doc.value(e.get("lend"), "lend", LocalDate::parse));
      return new Scenario.ExpectDecision(Decision.Outcome.LEND, date, Optional.empty(), rule);
    }
    if (e.containsKey("allow")) {
      return anyLend(rule);
    }
    doc.problem(
        node,
        "expect has 'lend: <date>|any', 'refuse: <REASON>', 'ask: <REASON>' or 'allow: true'");
    return anyLend(rule);
  }

  private static Scenario.ExpectDecision anyLend(Optional<String> rule) {
    return new Scenario.ExpectDecision(
        Decision.Outcome.LEND, Optional.empty(), Optional.empty(), rule);
  }
}
