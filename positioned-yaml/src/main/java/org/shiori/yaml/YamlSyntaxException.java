package org.shiori.yaml;

/**
 * The text is not well-formed YAML (or not a single mapping document); carries where and why: the
 * start of the construct being read ({@link #position}) and where the parser stopped ({@link
 * #problemPosition}).
 */
public final class YamlSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;
  private final SourcePosition position;
  private final String problem;
  private final SourcePosition problemPosition;
  private final String parserProblem;

  public YamlSyntaxException(SourcePosition position, String problem, Throwable cause) {
    this(position, problem, position, problem, cause);
  }

  /**
   * A syntax error found by the parser at {@code problemPosition} while reading a construct that
   * starts at {@code position}.
   */
  public YamlSyntaxException(
      SourcePosition position,
      String problem,
      SourcePosition problemPosition,
      String parserProblem,
      Throwable cause) {
    super(position.line() + ":" + position.column() + ": " + problem, cause);
    this.position = position;
    this.problem = problem;
    this.problemPosition = problemPosition;
    this.parserProblem = parserProblem;
  }

  public SourcePosition position() {
    return position;
  }

  /** The problem with the construct the parser was reading, e.g. "(while parsing ...)". */
  public String problem() {
    return problem;
  }

  /** Where the parser noticed the problem (the end of an unclosed construct, for instance). */
  public SourcePosition problemPosition() {
    return problemPosition;
  }

  /** The parser's problem alone, without the construct. */
  public String parserProblem() {
    return parserProblem;
  }
}
