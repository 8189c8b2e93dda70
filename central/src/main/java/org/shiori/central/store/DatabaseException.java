package org.shiori.central.store;

/** The database refused or could not be reached; what was being done did not happen. */
public final class DatabaseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
