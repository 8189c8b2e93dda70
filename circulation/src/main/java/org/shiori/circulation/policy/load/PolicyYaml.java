package org.shiori.circulation.policy.load;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.shiori.yaml.DuplicateKey;
import org.shiori.yaml.SourcePosition;
import org.shiori.yaml.YamlMap;
import org.shiori.yaml.YamlNode;
import org.shiori.yaml.YamlScalar;
import org.shiori.yaml.YamlSequence;
import org.shiori.yaml.YamlSyntaxException;
import org.shiori.yaml.YamlTreeReader;

/**
 * A policy or scenario file read with the project's positioned-YAML reader, with typed access to
 * its values. Problems are collected with file, line and column, not thrown, so one run reports
 * them all.
 */
public final class PolicyYaml {

  private final String source;
  private final List<PolicyProblem> problems = new ArrayList<>();

  private PolicyYaml(String source) {
    this.source = source;
  }

  /** Reads a file and returns its root mapping, if it is valid YAML. */
  public static Parsed read(String source, Reader text) {
    PolicyYaml doc = new PolicyYaml(source);
    try {
      StringBuilder all = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
        all.append(buffer, 0, n);
      }
      if (all.toString().isBlank()) {
        return new Parsed(doc, Optional.empty());
      }
      YamlMap root = YamlTreeReader.read(all.toString()).root();
      return new Parsed(doc, Optional.of(root));
    } catch (YamlSyntaxException e) {
      SourcePosition at = e.problemPosition();
      doc.problemAt(at.line(), at.column(), "not valid YAML: " + e.parserProblem());
      return new Parsed(doc, Optional.empty());
    } catch (IOException | RuntimeException e) {
      doc.problemAt(0, 0, "cannot read: " + e.getMessage());
      return new Parsed(doc, Optional.empty());
    }
  }

  /** A parsed file and its root node. */
  public record Parsed(PolicyYaml doc, Optional<YamlNode> root) {}

  public String source() {
    return source;
  }

  /** The problems found so far, in file order. */
  public List<PolicyProblem> problems() {
    List<PolicyProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column));
    return List.copyOf(sorted);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public void problem(YamlNode at, String message) {
    problem(at.position(), message);
  }

  public void problem(SourcePosition at, String message) {
    problemAt(at.line(), at.column(), message);
  }

  public void problemAt(int line, int column, String message) {
    PolicyProblem problem = new PolicyProblem(source, line, column, message);
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }

  /** The node as a mapping of key text to value node, checking keys against {@code allowed}. */
  public Map<String, YamlNode> mapping(YamlNode node, String what, Set<String> allowed) {
    Map<String, YamlNode> result = new LinkedHashMap<>();
    if (!(node instanceof YamlMap m)) {
      problem(node, what + " must be a mapping of keys to values");
      return result;
    }
    for (YamlMap.Entry e : m.entries().values()) {
      if (!allowed.isEmpty() && !allowed.contains(e.key())) {
        problem(
            e.keyPosition(),
            what
                + ": unknown key '"
                + e.key()
                + "'; allowed: "
                + String.join(", ", new TreeSet<>(allowed)));
        continue;
      }
      result.put(e.key(), e.value());
    }
    for (DuplicateKey d : m.duplicateKeys()) {
      problem(d.position(), what + ": key '" + d.key() + "' is written twice");
    }
    return result;
  }

  /** The node as a list; a single scalar counts as a list of one. */
  public List<YamlNode> list(YamlNode node, String what) {
    if (node instanceof YamlSequence s) {
      return s.items();
    }
    if (node instanceof YamlScalar) {
      return List.of(node);
    }
    problem(node, what + " must be a list");
    return List.of();
  }

  /** The text of a scalar, or empty after reporting a problem. */
  public Optional<String> text(YamlNode node, String what) {
    if (node instanceof YamlScalar s) {
      return Optional.of(s.text());
    }
    problem(node, what + " must be a single value");
    return Optional.empty();
  }

  /** The texts of a list of scalars. */
  public List<String> texts(YamlNode node, String what) {
    List<String> result = new ArrayList<>();
    for (YamlNode n : list(node, what)) {
      text(n, what).ifPresent(result::add);
    }
    return result;
  }

  /** A scalar converted by {@code parse}; a conversion error becomes a problem at the value. */
  public <T> Optional<T> value(YamlNode node, String what, Function<String, T> parse) {
    Optional<String> text = text(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(text.get()));
    } catch (RuntimeException e) {
      problem(node, what + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  public Optional<Integer> integer(YamlNode node, String what) {
    return value(
        node,
        what,
        s -> {
          try {
            return Integer.parseInt(s.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + s + "' is not a whole number", e);
          }
        });
  }

  public Optional<Boolean> bool(YamlNode node, String what) {
    return value(
        node,
        what,
        s -> {
          if (s.equals("true") || s.equals("false")) {
            return Boolean.parseBoolean(s);
          }
          throw new IllegalArgumentException("'" + s + "' must be true or false");
        });
  }
}
