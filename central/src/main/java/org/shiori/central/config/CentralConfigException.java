package org.shiori.central.config;

import java.nio.file.Path;

/**
 * A configuration value that cannot be used, with everything a technician needs to fix it: the
 * file, the line, the field (dotted path), the value found and what is allowed. Secrets are never
 * shown as the value.
 */
public final class CentralConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String field;
  private final String value;
  private final String allowed;

  public CentralConfigException(Path file, int line, String field, String value, String allowed) {
    super(
        file
            + (line > 0 ? ":" + line : "")
            + ": field '"
            + field
            + "' = "
            + value
            + " is not allowed; allowed: "
            + allowed);
    this.file = file;
    this.line = line;
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }

  public Path file() {
    return file;
  }

  /** The 1-based line, 0 when the problem is not on one line (a missing file). */
  public int line() {
    return line;
  }

  public String field() {
    return field;
  }

  public String value() {
    return value;
  }

  public String allowed() {
    return allowed;
  }
}
