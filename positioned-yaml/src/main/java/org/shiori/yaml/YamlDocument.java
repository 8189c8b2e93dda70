package org.shiori.yaml;

import java.util.List;

/** A parsed document: its root mapping and the keys that were written twice. */
public record YamlDocument(YamlMap root, List<DuplicateKey> duplicateKeys) {
  public YamlDocument {
    duplicateKeys = List.copyOf(duplicateKeys);
  }
}
