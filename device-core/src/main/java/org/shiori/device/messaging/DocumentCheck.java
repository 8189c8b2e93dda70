package org.shiori.device.messaging;

import org.shiori.protocol.Dataset;

/**
 * Checks a synced policy or calendar document before it is stored, so that a document the device
 * cannot use is refused and the one in use stays. What passes takes effect once it is stored.
 */
@FunctionalInterface
public interface DocumentCheck {
  /** Stores every document as it comes (for devices that do not decide with it). */
  DocumentCheck STORE_ONLY = (dataset, version, text) -> () -> {};

  /**
   * Parses and checks a document, without putting it into use.
   *
   * @return what puts the document into use; run after it is stored
   * @throws DocumentRefusedException why the document cannot be used
   */
  Runnable prepare(Dataset dataset, long version, String text) throws DocumentRefusedException;
}
