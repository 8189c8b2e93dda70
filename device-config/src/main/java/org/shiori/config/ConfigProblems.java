package org.shiori.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shiori.yaml.SourcePosition;

/** Collects every mistake found while reading one file, so all are reported in one pass. */
final class ConfigProblems {
  private final String file;
  private final List<ConfigError> errors = new ArrayList<>();

  ConfigProblems(String file) {
    this.file = file;
  }

  void add(SourcePosition position, String field, String value, String allowed) {
    errors.add(new ConfigError(file, position.line(), position.column(), field, value, allowed));
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  /** The errors in file order (stable for errors at the same position). */
  List<ConfigError> sorted() {
    List<ConfigError> copy = new ArrayList<>(errors);
    copy.sort(Comparator.comparingInt(ConfigError::line).thenComparingInt(ConfigError::column));
    return copy;
  }

  void throwIfAny() throws ConfigException {
    if (!errors.isEmpty()) {
      throw new ConfigException(sorted());
    }
  }
}
