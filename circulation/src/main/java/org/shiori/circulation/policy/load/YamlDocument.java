package org.shiori.circulation.policy.load;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read as a node tree that keeps line and column of every value, so each problem can be
 * reported where it is written. Problems are collected, not thrown, so one run reports them all.
 */
public final class YamlDocument {

  private final String source;
  private final List<PolicyProblem> problems = new ArrayList<>();

  private YamlDocument(String source) {
    this.source = source;
  }

  /** Reads a file into a document and returns its root node, if it is valid YAML. */
  public static Parsed read(String source, Reader text) {
    YamlDocument doc = new YamlDocument(source);
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      Node root = new Yaml(options).compose(text);
      return new Parsed(doc, Optional.ofNullable(root));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      doc.problemAt(
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1,
          "not valid YAML: " + e.getProblem());
      return new Parsed(doc, Optional.empty());
    } catch (RuntimeException e) {
      doc.problemAt(0, 0, "cannot read: " + e.getMessage());
      return new Parsed(doc, Optional.empty());
    }
  }

  /** A parsed document and its root node. */
  public record Parsed(YamlDocument doc, Optional<Node> root) {}

  public String source() {
    return source;
  }

  /** The problems found so far, in file order. */
  public List<PolicyProblem> problems() {
    List<PolicyProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        java.util.Comparator.comparingInt(PolicyProblem::line)
            .thenComparingInt(PolicyProblem::column));
    return List.copyOf(sorted);
  }

  public boolean hasProblems() {
    return !problems.isEmpty();
  }

  public void problem(Node at, String message) {
    Mark mark = at.getStartMark();
    problemAt(mark.getLine() + 1, mark.getColumn() + 1, message);
  }

  public void problemAt(int line, int column, String message) {
    PolicyProblem problem = new PolicyProblem(source, line, column, message);
    if (!problems.contains(problem)) {
      problems.add(problem);
    }
  }

  /** The node as a mapping of key text to value node, checking keys against {@code allowed}. */
  public Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
    Map<String, Node> result = new LinkedHashMap<>();
    if (!(node instanceof MappingNode m)) {
      problem(node, what + " must be a mapping of keys to values");
      return result;
    }
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key)) {
        problem(t.getKeyNode(), what + ": keys must be plain text");
        continue;
      }
      if (!allowed.isEmpty() && !allowed.contains(key.getValue())) {
        problem(
            key,
            what
                + ": unknown key '"
                + key.getValue()
                + "'; allowed: "
                + String.join(", ", new TreeSet<>(allowed)));
        continue;
      }
      if (result.containsKey(key.getValue())) {
        problem(key, what + ": key '" + key.getValue() + "' is written twice");
        continue;
      }
      result.put(key.getValue(), t.getValueNode());
    }
    return result;
  }

  /** The node as a list; a single scalar counts as a list of one. */
  public List<Node> list(Node node, String what) {
    if (node instanceof SequenceNode s) {
      return s.getValue();
    }
    if (node instanceof ScalarNode) {
      return List.of(node);
    }
    problem(node, what + " must be a list");
    return List.of();
  }

  /** The text of a scalar, or empty after reporting a problem. */
  public Optional<String> text(Node node, String what) {
    if (node instanceof ScalarNode s) {
      return Optional.of(s.getValue());
    }
    problem(node, what + " must be a single value");
    return Optional.empty();
  }

  /** The texts of a list of scalars. */
  public List<String> texts(Node node, String what) {
    List<String> result = new ArrayList<>();
    for (Node n : list(node, what)) {
      text(n, what).ifPresent(result::add);
    }
    return result;
  }

  /** A scalar converted by {@code parse}; a conversion error becomes a problem at the value. */
  public <T> Optional<T> value(Node node, String what, Function<String, T> parse) {
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

  public Optional<Integer> integer(Node node, String what) {
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

  public Optional<Boolean> bool(Node node, String what) {
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
