package org.shiori.config.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A YAML mapping with its keys in source order, each key remembering its own position. */
public record YamlMap(SourcePosition position, Map<String, Entry> entries) implements YamlNode {

  /** One key of a mapping: where the key was written and the value node. */
  public record Entry(String key, SourcePosition keyPosition, YamlNode value) {}

  public YamlMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static YamlMap empty(SourcePosition position) {
    return new YamlMap(position, Map.of());
  }

  public Optional<YamlNode> get(String key) {
    return Optional.ofNullable(entries.get(key)).map(Entry::value);
  }

  @Override
  public String describe() {
    return "{a mapping}";
  }
}
