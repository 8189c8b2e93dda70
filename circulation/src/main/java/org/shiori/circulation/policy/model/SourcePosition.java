package org.shiori.circulation.policy.model;

/**
 * Where something was written in a policy file, 1-based, for error messages.
 *
 * @param line line number
 * @param column column number
 */
public record SourcePosition(int line, int column) {
  public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

  @Override
  public String toString() {
    return line + ":" + column;
  }
}
