package org.shiori.yaml;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML text into a tree that keeps the line and column of every key and value: the one YAML
 * reader of the project (device configuration, circulation policies, scenarios). SnakeYAML's
 * composer keeps a mark on every node and resolves anchors and aliases, which the shipped policies
 * use; the tree is built from its nodes. Scalars stay as written, nothing is converted.
 */
public final class YamlTreeReader {

  private final List<DuplicateKey> duplicates = new ArrayList<>();

  private YamlTreeReader() {}

  /** Parses one document whose root must be a mapping (an empty document is an empty mapping). */
  public static YamlDocument read(String text) throws YamlSyntaxException {
    return new YamlTreeReader().readDocument(text);
  }

  private YamlDocument readDocument(String text) throws YamlSyntaxException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    try {
      Iterator<Node> documents = new Yaml(options).composeAll(new StringReader(text)).iterator();
      if (!documents.hasNext()) {
        return new YamlDocument(YamlMap.empty(SourcePosition.START), duplicates);
      }
      Node first = documents.next();
      if (!(first instanceof MappingNode mapping)) {
        if (first instanceof ScalarNode s && s.getValue().isEmpty()) {
          return new YamlDocument(YamlMap.empty(SourcePosition.START), duplicates);
        }
        throw new YamlSyntaxException(
            positionOf(first.getStartMark()), "the file must be a mapping of keys to values", null);
      }
      YamlMap root = readMap(mapping, "");
      if (documents.hasNext()) {
        throw new YamlSyntaxException(
            positionOf(documents.next().getStartMark()), "only one YAML document is allowed", null);
      }
      return new YamlDocument(root, duplicates);
    } catch (MarkedYAMLException e) {
      throw syntaxError(e);
    } catch (YAMLException e) {
      throw new YamlSyntaxException(SourcePosition.START, String.valueOf(e.getMessage()), e);
    }
  }

  private YamlMap readMap(MappingNode node, String path) throws YamlSyntaxException {
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    List<DuplicateKey> own = new ArrayList<>();
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
        throw new YamlSyntaxException(
            positionOf(tuple.getKeyNode().getStartMark()), "a key must be plain text", null);
      }
      String key = keyNode.getValue();
      SourcePosition keyPosition = positionOf(keyNode.getStartMark());
      String childPath = path.isEmpty() ? key : path + "." + key;
      YamlNode value = readValue(tuple.getValueNode(), childPath);
      YamlMap.Entry previous = entries.get(key);
      if (previous == null) {
        entries.put(key, new YamlMap.Entry(key, keyPosition, value));
      } else {
        own.add(new DuplicateKey(childPath, keyPosition, previous.keyPosition()));
      }
    }
    duplicates.addAll(own);
    return new YamlMap(positionOf(node.getStartMark()), entries, own);
  }

  private YamlNode readValue(Node node, String path) throws YamlSyntaxException {
    if (node instanceof MappingNode m) {
      return readMap(m, path);
    }
    if (node instanceof SequenceNode s) {
      List<YamlNode> items = new ArrayList<>();
      for (int i = 0; i < s.getValue().size(); i++) {
        items.add(readValue(s.getValue().get(i), path + "[" + i + "]"));
      }
      return new YamlSequence(positionOf(node.getStartMark()), items);
    }
    ScalarNode scalar = (ScalarNode) node;
    boolean isNull = scalar.isPlain() && Tag.NULL.equals(scalar.getTag());
    return new YamlScalar(isNull ? "" : scalar.getValue(), positionOf(node.getStartMark()));
  }

  private static SourcePosition positionOf(Mark mark) {
    if (mark == null) {
      return SourcePosition.START;
    }
    return new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /**
   * Names the problem and, when the parser knows it, the construct it was reading ("while parsing a
   * flow sequence"), positioned where that construct starts: an unclosed bracket or quote is found
   * where it was opened, not at the end of the file.
   */
  private static YamlSyntaxException syntaxError(MarkedYAMLException marked) {
    Mark mark = marked.getContextMark() != null ? marked.getContextMark() : marked.getProblemMark();
    String problem = String.valueOf(marked.getProblem()).strip();
    if (marked.getContext() != null) {
      problem += " (" + marked.getContext().strip() + ")";
    }
    return new YamlSyntaxException(
        positionOf(mark),
        problem,
        positionOf(marked.getProblemMark()),
        String.valueOf(marked.getProblem()).strip(),
        marked);
  }
}
