package org.shiori.central.ils;

/**
 * The ILS could not be reached, did not answer in time, or answered something that could not be
 * understood. The transaction did not (knowingly) happen: keep it and retry later.
 */
public class IlsUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  public IlsUnavailableException(String message) {
    super(message);
  }

  public IlsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
