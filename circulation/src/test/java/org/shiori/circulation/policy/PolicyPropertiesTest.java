package org.shiori.circulation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.time.api.Dates;
import org.shiori.circulation.domain.Decision;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.policy.model.LimitGroup;
import org.shiori.circulation.policy.model.PatronCategory;

/** Properties of the Matsuyama policy that must hold for any input. */
class PolicyPropertiesTest {

  private static final CirculationPolicy POLICY = PolicyFixtures.MATSUYAMA;
  private static final List<String> BRANCHES =
      List.of("central", "mitsuhama", "hojo", "nakajima", "bookmobile");
  private static final List<String> MATERIALS =
      List.of("book", "large-print", "magazine", "video", "audio", "braille", "daisy", "newspaper");
  private static final List<String> FLAGS = List.of("ill-other", "reference", "ill-ndl");

  @Provide
  Arbitrary<LocalDate> days() {
    return Dates.dates().between(LocalDate.of(2024, 1, 1), LocalDate.of(2035, 12, 31));
  }

  @Provide
  Arbitrary<String> branches() {
    return Arbitraries.of(BRANCHES);
  }

  @Provide
  Arbitrary<String> categories() {
    return Arbitraries.of("individual", "disability", "group");
  }

  @Provide
  Arbitrary<ItemRecord> items() {
    return Combinators.combine(
            Arbitraries.of(MATERIALS),
            Arbitraries.of(FLAGS).set().ofMaxSize(1),
            Arbitraries.integers().between(1, 3))
        .as(
            (material, flags, parts) ->
                new ItemRecord(
                    "i",
                    "-",
                    material,
                    "central",
                    ItemStatus.AVAILABLE,
                    flags,
                    parts,
                    Optional.empty()));
  }

  @Provide
  Arbitrary<Map<String, Integer>> loans() {
    return Arbitraries.maps(Arbitraries.of(MATERIALS), Arbitraries.integers().between(0, 12))
        .ofMaxSize(5);
  }

  private static PatronSnapshot patron(String category, Map<String, Integer> loans) {
    return new PatronSnapshot(
        PolicyFixtures.SELF,
        category,
        LocalDate.of(2099, 1, 1),
        false,
        false,
        loans,
        0,
        0,
        0,
        Optional.of(LocalDate.of(2035, 4, 1)),
        "central");
  }

  private static CheckoutContext context(
      PatronSnapshot p, ItemRecord item, List<ItemRecord> session, String branch, LocalDate on) {
    return new CheckoutContext(
        p,
        item,
        item.parts(),
        session,
        branch,
        on.atTime(LocalTime.NOON).atZone(PolicyFixtures.TOKYO));
  }

  @Property(tries = 500)
  void aDueDateIsNeverAClosedDayOfItsBranch(
      @ForAll("days") LocalDate on,
      @ForAll("branches") String branch,
      @ForAll("categories") String category,
      @ForAll("items") ItemRecord item) {
    Decision d = POLICY.checkout(context(patron(category, Map.of()), item, List.of(), branch, on));
    d.dueDate()
        .ifPresent(
            due -> {
              assertThat(POLICY.calendar(branch).isOpen(due))
                  .as("due %s at %s", due, branch)
                  .isTrue();
              assertThat(due).isAfter(on);
            });
  }

  @Property(tries = 300)
  void noOrderOfAStackExceedsALimit(
      @ForAll("categories") String category,
      @ForAll("loans") Map<String, Integer> loans,
      @ForAll @Size(max = 14) List<@From("items") ItemRecord> stack,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    List<ItemRecord> shuffled = new ArrayList<>(stack);
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    PatronSnapshot p = patron(category, loans);
    Map<String, Integer> lentByGroup = lentByGroup(p, shuffled);
    Map<String, Integer> lentInFileOrder = lentByGroup(p, stack);
    PatronCategory c = POLICY.definition().categories().get(category);
    for (LimitGroup g : c.limits()) {
      int before = g.materials().stream().mapToInt(p::loansOf).sum();
      int lent = lentByGroup.getOrDefault(g.id(), 0);
      assertThat(lent).as("group %s", g.id()).isLessThanOrEqualTo(Math.max(0, g.max() - before));
      assertThat(lent)
          .as("same count in any order")
          .isEqualTo(lentInFileOrder.getOrDefault(g.id(), 0));
    }
  }

  private static Map<String, Integer> lentByGroup(PatronSnapshot p, List<ItemRecord> stack) {
    List<ItemRecord> session = new ArrayList<>();
    Map<String, Integer> lent = new HashMap<>();
    PatronCategory c = POLICY.definition().categories().get(p.category());
    for (ItemRecord item : stack) {
      Decision d = POLICY.checkout(context(p, item, session, "central", LocalDate.of(2027, 7, 20)));
      if (d.allowed()) {
        session.add(item);
        for (LimitGroup g : c.limits()) {
          if (g.materials().contains(item.material())) {
            lent.merge(g.id(), 1, Integer::sum);
          }
        }
      }
    }
    return lent;
  }

  @Property(tries = 300)
  void decisionsAreDeterministic(
      @ForAll("days") LocalDate on,
      @ForAll("branches") String branch,
      @ForAll("categories") String category,
      @ForAll("loans") Map<String, Integer> loans,
      @ForAll("items") ItemRecord item) {
    CheckoutContext c = context(patron(category, loans), item, List.of(), branch, on);
    Decision first = POLICY.checkout(c);
    assertThat(POLICY.checkout(c)).isEqualTo(first);
    assertThat(FRESH.checkout(c)).as("a freshly loaded policy decides the same").isEqualTo(first);
  }

  private static final CirculationPolicy FRESH =
      ShippedPolicies.load("matsuyama", PolicyFixtures.TOKYO);

  @Property(tries = 200)
  void theFlagOfAnItemDecidesOverItsMaterial(
      @ForAll("days") LocalDate on, @ForAll("branches") String branch) {
    ItemRecord ndl =
        new ItemRecord(
            "n",
            "-",
            "book",
            "central",
            ItemStatus.AVAILABLE,
            Set.of("ill-ndl", "ill-other"),
            1,
            Optional.empty());
    Decision d =
        POLICY.checkout(context(patron("individual", Map.of()), ndl, List.of(), branch, on));
    assertThat(d.reasonCode()).contains(ReasonCodes.NOT_FOR_LOAN);
    assertThat(d.ruleId()).isEqualTo("R-ILL-1");
  }

  @Provide
  Arbitrary<Set<String>> anyFlags() {
    return Arbitraries.of(POLICY.definition().flags()).set().ofMaxSize(5);
  }

  /**
   * R-LIMIT-6, R-LIMIT-3, R-ITEM-1: braille and DAISY on an ordinary or group card, AV for a group,
   * reference works, newspapers and local history are never lent, whatever flags (ILL included)
   * make another loan rule more specific.
   */
  @Property
  void eligibilityAndNotForLoanOutrankEveryLoanRule(
      @ForAll("categories") String category,
      @ForAll("branches") String branch,
      @ForAll("days") LocalDate day,
      @ForAll("anyFlags") Set<String> flags,
      @ForAll("restrictedMaterials") String material) {
    boolean restricted =
        Set.of("reference", "newspaper", "local-history").contains(material)
            || (!category.equals("disability") && Set.of("braille", "daisy").contains(material))
            || (category.equals("group") && Set.of("video", "audio").contains(material));
    ItemRecord item =
        new ItemRecord(
            "i", "-", material, "central", ItemStatus.AVAILABLE, flags, 1, Optional.empty());
    Decision d =
        POLICY.checkout(
            new CheckoutContext(
                patron(category, Map.of()),
                item,
                1,
                List.of(),
                branch,
                day.atTime(LocalTime.NOON).atZone(PolicyFixtures.TOKYO)));
    if (restricted) {
      assertThat(d.allowed()).as(material + " " + flags + " for " + category).isFalse();
      assertThat(d.reasonCode().orElseThrow())
          .isIn("NOT_ELIGIBLE", "NOT_FOR_LOAN", "IN_LIBRARY_ONLY");
    }
  }

  @Provide
  Arbitrary<String> restrictedMaterials() {
    return Arbitraries.of(
        "braille", "daisy", "reference", "newspaper", "local-history", "video", "audio", "book");
  }
}
