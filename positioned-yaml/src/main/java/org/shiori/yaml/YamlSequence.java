package org.shiori.yaml;

import java.util.List;

/** A YAML list with its items in source order. */
public record YamlSequence(SourcePosition position, List<YamlNode> items) implements YamlNode {
  public YamlSequence {
    items = List.copyOf(items);
  }

  /** A list whose items are not needed. */
  public YamlSequence(SourcePosition position) {
    this(position, List.of());
  }

  @Override
  public String describe() {
    return "[a list]";
  }
}
