package org.shiori.config.yaml;

/** The text is not well-formed YAML (or not a single mapping document); carries where and why. */
public final class YamlSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final SourcePosition position;
  private final String problem;

  public YamlSyntaxException(SourcePosition position, String problem, Throwable cause) {
    super(position.line() + ":" + position.column() + ": " + problem, cause);
    this.position = position;
    this.problem = problem;
  }

  public SourcePosition position() {
    return position;
  }

  public String problem() {
    return problem;
  }
}
