package org.shiori.protocol;

import java.util.Objects;

/**
 * A whole document central sends (policy or calendar YAML).
 *
 * @param dataset which document
 * @param sequence its version
 * @param content the text as received
 */
public record SyncDocument(Dataset dataset, long sequence, String content) {
  public SyncDocument {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(content, "content");
  }
}
