package org.shiori.central.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One value of a YAML document with where it was written, so an error can name the line.
 *
 * @param value a {@code Map<String, YamlNode>} for a mapping, a {@code List<YamlNode>} for a
 *     sequence, a {@code String} for a scalar (every scalar is kept as its text), or null
 * @param line the 1-based line of the value
 * @param column the 1-based column of the value
 */
public record YamlNode(Object value, int line, int column) {

  public boolean isMapping() {
    return value instanceof Map;
  }

  public boolean isSequence() {
    return value instanceof List;
  }

  public boolean isScalar() {
    return value instanceof String;
  }

  @SuppressWarnings("unchecked")
  public Map<String, YamlNode> mapping() {
    return (Map<String, YamlNode>) value;
  }

  @SuppressWarnings("unchecked")
  public List<YamlNode> sequence() {
    return (List<YamlNode>) value;
  }

  public String scalar() {
    return Objects.requireNonNull((String) value);
  }

  static YamlNode emptyMapping(int line, int column) {
    return new YamlNode(new LinkedHashMap<String, YamlNode>(), line, column);
  }
}
