package org.shiori.yaml;

/**
 * A scalar exactly as written: {@code 0x07} stays {@code 0x07}. An empty or null value ({@code
 * key:}, {@code ~}, {@code null}) has empty text.
 */
public record YamlScalar(String text, SourcePosition position) implements YamlNode {
  @Override
  public String describe() {
    return text;
  }
}
