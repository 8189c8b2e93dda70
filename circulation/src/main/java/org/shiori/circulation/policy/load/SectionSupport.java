package org.shiori.circulation.policy.load;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.shiori.yaml.YamlNode;

/**
 * What the readers of the sections of a policy file share: the file with its problems, and how ids,
 * criteria and references are read and checked.
 */
abstract class SectionSupport {
  protected final PolicyYaml doc;

  SectionSupport(PolicyYaml doc) {
    this.doc = doc;
  }

  record Refs(
      Set<String> categories, Set<String> materials, Set<String> flags, Set<String> branches) {}

  Optional<YamlNode> required(Map<String, YamlNode> map, String key, YamlNode parent) {
    YamlNode n = map.get(key);
    if (n == null) {
      doc.problem(parent, "missing required key '" + key + "'");
    }
    return Optional.ofNullable(n);
  }

  Set<String> idSet(YamlNode node, String what) {
    return idSet(Optional.ofNullable(node), what);
  }

  Set<String> idSet(Optional<YamlNode> node, String what) {
    Set<String> ids = new LinkedHashSet<>();
    if (node.isEmpty()) {
      return ids;
    }
    for (YamlNode n : doc.list(node.get(), what)) {
      doc.text(n, what)
          .ifPresent(
              id -> {
                if (!id.matches("[a-z][a-z0-9-]*")) {
                  doc.problem(n, what + ": '" + id + "' must be lowercase letters, digits, '-'");
                } else if (!ids.add(id)) {
                  doc.problem(n, what + ": '" + id + "' is listed twice");
                }
              });
    }
    return ids;
  }

  Optional<Boolean> flag(Map<String, YamlNode> map, String key, String what) {
    return Optional.ofNullable(map.get(key)).flatMap(n -> doc.bool(n, what + "." + key));
  }

  void checkKnown(YamlNode at, Set<String> ids, Set<String> known, String kind) {
    for (String id : ids) {
      if (!known.contains(id)) {
        doc.problem(at, "unknown " + kind + " '" + id + "'; defined: " + String.join(", ", known));
      }
    }
  }

  Set<String> criterion(Map<String, YamlNode> map, String key, String what, Set<String> known) {
    YamlNode n = map.get(key);
    if (n == null) {
      return Set.of();
    }
    Set<String> ids = idSet(Optional.of(n), what + "." + key);
    checkKnown(n, ids, known, key);
    return ids;
  }

  OptionalInt optionalInt(YamlNode node, String what) {
    if (node == null) {
      return OptionalInt.empty();
    }
    return doc.integer(node, what).map(OptionalInt::of).orElse(OptionalInt.empty());
  }

  static String code(String text) {
    if (!text.matches("[A-Z][A-Z0-9_]*")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a reason code (upper case, digits, '_')");
    }
    return text;
  }
}
