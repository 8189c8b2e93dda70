package org.shiori.central.ils.fileimport;

/**
 * An export file that cannot be imported. The message names the file, the line, the column, the
 * value found and what is allowed, so a librarian can fix the export; nothing was imported.
 */
public final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ImportException(String message) {
    super(message);
  }

  public ImportException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A bad value: {@code items.csv:5: column "status": found "LENT", allowed: ...}. */
  static ImportException badValue(
      String file, long line, String column, String value, String allowed) {
    return new ImportException(
        file
            + ":"
            + line
            + ": column \""
            + column
            + "\": found \""
            + shorten(value)
            + "\", allowed: "
            + allowed);
  }

  /** A value that must not be repeated in the message (a card number): only its position. */
  static ImportException badSecret(String file, long line, String column, String allowed) {
    return new ImportException(
        file + ":" + line + ": column \"" + column + "\": found a bad value, allowed: " + allowed);
  }

  private static String shorten(String value) {
    return value.length() <= 80 ? value : value.substring(0, 80) + "…";
  }
}
