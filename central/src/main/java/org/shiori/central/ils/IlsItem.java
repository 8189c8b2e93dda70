package org.shiori.central.ils;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What the ILS knows about one item. */
public record IlsItem(
    String itemId,
    Optional<String> title,
    IlsItemStatus status,
    Optional<LocalDate> dueDate,
    Optional<String> permanentLocation) {
  public IlsItem {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(permanentLocation, "permanentLocation");
  }
}
