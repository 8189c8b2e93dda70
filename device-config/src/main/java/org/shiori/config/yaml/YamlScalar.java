package org.shiori.config.yaml;

/** A scalar exactly as written (an empty value such as {@code key:} has empty text). */
public record YamlScalar(String text, SourcePosition position) implements YamlNode {
  @Override
  public String describe() {
    return text;
  }
}
