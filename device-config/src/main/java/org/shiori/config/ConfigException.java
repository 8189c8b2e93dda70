package org.shiori.config;

import java.util.List;
import java.util.stream.Collectors;

/** A configuration could not be loaded; {@link #errors()} lists every mistake found in one pass. */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigError> errors;

  public ConfigException(List<ConfigError> errors) {
    super(errors.stream().map(ConfigError::toString).collect(Collectors.joining("\n")));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a configuration failure needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** Every error, in file order. */
  public List<ConfigError> errors() {
    return errors;
  }
}
