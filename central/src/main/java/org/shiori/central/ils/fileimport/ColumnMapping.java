package org.shiori.central.ils.fileimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shiori.protocol.Dataset;

/**
 * Which header of an export file holds which field. Libraries' systems name their columns their own
 * way ({@code barcode}, {@code 資料ID}); the mapping says {@code itemId = barcode}. A field not
 * mapped is looked for under its own name.
 */
public record ColumnMapping(Map<Dataset, Map<String, String>> headers) {
  /** Fields of each data set; the first ones are required, see {@link #required}. */
  static final Map<Dataset, List<String>> FIELDS =
      Map.of(
          Dataset.ITEMS,
          List.of("itemId", "title", "material", "homeBranch", "status", "flags", "parts"),
          Dataset.PATRONS,
          List.of(
              "cardNumber",
              "category",
              "expiry",
              "homeBranch",
              "staffBlock",
              "overdue",
              "loans",
              "illThisFiscalYear",
              "illOnLoan",
              "holdsAndRequests",
              "groupConfirmedOn"),
          Dataset.HOLDS,
          List.of("itemId", "cardNumber", "pickupBranch"));

  private static final Map<Dataset, Set<String>> REQUIRED =
      Map.of(
          Dataset.ITEMS, Set.of("itemId", "title", "material", "homeBranch", "status"),
          Dataset.PATRONS, Set.of("cardNumber", "category", "expiry", "homeBranch"),
          Dataset.HOLDS, Set.of("itemId", "cardNumber", "pickupBranch"));

  public ColumnMapping {
    Map<Dataset, Map<String, String>> copy = new LinkedHashMap<>();
    headers.forEach(
        (dataset, map) -> {
          List<String> known = FIELDS.get(dataset);
          if (known == null) {
            throw new IllegalArgumentException(
                "no file import for data set " + dataset + ", allowed: " + FIELDS.keySet());
          }
          for (String field : map.keySet()) {
            if (!known.contains(field)) {
              throw new IllegalArgumentException(
                  dataset.topicName() + " field \"" + field + "\" unknown, allowed: " + known);
            }
          }
          copy.put(dataset, Map.copyOf(map));
        });
    headers = Map.copyOf(copy);
  }

  /** Every field under its own name. */
  public static ColumnMapping identity() {
    return new ColumnMapping(Map.of());
  }

  /** The header that holds this field in this data set's file. */
  public String header(Dataset dataset, String field) {
    return headers.getOrDefault(dataset, Map.of()).getOrDefault(field, field);
  }

  static boolean required(Dataset dataset, String field) {
    return REQUIRED.get(dataset).contains(field);
  }
}
