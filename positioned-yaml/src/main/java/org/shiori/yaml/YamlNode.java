package org.shiori.yaml;

/** One node of a parsed YAML document, remembering where it was written. */
public sealed interface YamlNode permits YamlMap, YamlScalar, YamlSequence {
  SourcePosition position();

  /** How the node is shown in an error message when a scalar was expected. */
  String describe();
}
