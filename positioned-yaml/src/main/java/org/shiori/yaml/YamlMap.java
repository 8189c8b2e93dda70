package org.shiori.yaml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML mapping with its keys in source order, each key remembering its own position. A key
 * written twice keeps its first value; the mapping and the document list the duplicates.
 */
public record YamlMap(
    SourcePosition position, Map<String, Entry> entries, List<DuplicateKey> duplicateKeys)
    implements YamlNode {

  /** One key of a mapping: where the key was written and the value node. */
  public record Entry(String key, SourcePosition keyPosition, YamlNode value) {}

  public YamlMap {
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    duplicateKeys = List.copyOf(duplicateKeys);
  }

  /** A mapping without duplicate keys. */
  public YamlMap(SourcePosition position, Map<String, Entry> entries) {
    this(position, entries, List.of());
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
