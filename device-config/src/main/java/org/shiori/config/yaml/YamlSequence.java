package org.shiori.config.yaml;

/** A YAML list; the configuration has no list-valued keys, so only its position matters. */
public record YamlSequence(SourcePosition position) implements YamlNode {
  @Override
  public String describe() {
    return "[a list]";
  }
}
