package org.shiori.yaml;

/**
 * A 1-based line and column in a YAML source; line 0 means "no position" (e.g. unreadable file).
 */
public record SourcePosition(int line, int column) {
  public static final SourcePosition START = new SourcePosition(1, 1);
  public static final SourcePosition NONE = new SourcePosition(0, 0);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
