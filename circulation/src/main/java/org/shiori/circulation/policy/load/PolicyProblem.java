package org.shiori.circulation.policy.load;

import java.util.Objects;

/**
 * One error in a policy or scenario file.
 *
 * @param source file name or shipped name
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong and what is allowed
 */
public record PolicyProblem(String source, int line, int column, String message) {
  public PolicyProblem {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + message;
  }
}
