package org.shiori.circulation.domain;

import java.util.Objects;

/** A text the patron reads, in Japanese and English. */
public record Message(String ja, String en) {
  public Message {
    Objects.requireNonNull(ja, "ja");
    Objects.requireNonNull(en, "en");
  }
}
