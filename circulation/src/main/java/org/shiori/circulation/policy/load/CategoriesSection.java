package org.shiori.circulation.policy.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.shiori.circulation.policy.model.LimitGroup;
import org.shiori.circulation.policy.model.PatronCategory;
import org.shiori.yaml.YamlNode;

/**
 * Reads the {@code categories} section: patron categories with {@code extends}, PIN, group
 * confirmation, hold limit, receipt and loan limits (R-CARD-2, R-GROUP-1, R-GROUP-2, R-HOLD-2,
 * R-LIMIT-1, -3, -6).
 */
final class CategoriesSection extends SectionSupport {
  CategoriesSection(PolicyYaml doc) {
    super(doc);
  }

  private static final Set<String> CATEGORY_KEYS =
      Set.of("extends", "rule", "pin", "confirmEachFiscalYear", "holdLimit", "receipt", "limits");
  private static final Set<String> LIMIT_KEYS = Set.of("materials", "max", "rule");

  Map<String, PatronCategory> categories(Optional<YamlNode> node, Set<String> materials) {
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
}
