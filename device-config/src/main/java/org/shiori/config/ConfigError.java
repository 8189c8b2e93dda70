package org.shiori.config;

import java.util.Objects;

/**
 * One mistake in a device configuration file: where it is, which key (dotted path such as {@code
 * reader.baud}), the value found ({@code null} when the key is missing) and what is allowed. An
 * empty {@code field} marks a problem with the file itself (unreadable, YAML syntax); line 0 means
 * the problem has no position.
 */
public record ConfigError(
    String file, int line, int column, String field, String value, String allowed) {

  public ConfigError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(allowed, "allowed");
  }

  /** {@code kiosk.yaml:12:9: reader.baud: found "12345", allowed: one of 9600, 19200, ...}. */
  @Override
  public String toString() {
    String where = line > 0 ? file + ":" + line + ":" + column : file;
    if (field.isEmpty()) {
      return where + ": " + value + (allowed.isEmpty() ? "" : " (" + allowed + ")");
    }
    String found = value == null ? "missing" : "found \"" + value + "\"";
    return where + ": " + field + ": " + found + ", allowed: " + allowed;
  }
}
