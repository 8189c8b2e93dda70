package org.shiori.central.ils.fileimport;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.Dataset;

/**
 * Turns export rows into the devices' records. Card numbers become patron keys here and go no
 * further; an item held in the holds file carries that hold's patron ({@code holdFor}).
 */
final class ExportRecords {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");
  private static final Pattern CARD = Pattern.compile("[A-Za-z0-9-]{1,32}");
  private static final String STATUSES =
      Arrays.stream(ItemStatus.values()).map(Enum::name).collect(Collectors.joining(", "));

  private final ColumnMapping mapping;
  private final CardHasher hasher;

  ExportRecords(ColumnMapping mapping, CardHasher hasher) {
    this.mapping = mapping;
    this.hasher = hasher;
  }

  ImportedData build(ExportTable items, ExportTable patrons, ExportTable holds)
      throws ImportException {
    Map<String, HoldRecord> holdsByItem = new LinkedHashMap<>();
    for (ExportTable.Row row : rows(holds, Dataset.HOLDS)) {
      Cells c = new Cells(holds, row, Dataset.HOLDS);
      HoldRecord hold =
          new HoldRecord(c.id("itemId"), c.patronKey("cardNumber"), c.id("pickupBranch"));
      if (holdsByItem.put(hold.itemId(), hold) != null) {
        throw c.duplicate("itemId", hold.itemId());
      }
    }
    Map<String, ItemRecord> itemsById = new LinkedHashMap<>();
    for (ExportTable.Row row : rows(items, Dataset.ITEMS)) {
      Cells c = new Cells(items, row, Dataset.ITEMS);
      String itemId = c.id("itemId");
      HoldRecord hold = holdsByItem.get(itemId);
      ItemRecord item =
          new ItemRecord(
              itemId,
              c.text("title"),
              c.id("material"),
              c.id("homeBranch"),
              c.status("status"),
              c.flags("flags"),
              c.count("parts", 1, 1, 99),
              Optional.ofNullable(hold).map(HoldRecord::patron));
      if (itemsById.put(itemId, item) != null) {
        throw c.duplicate("itemId", itemId);
      }
    }
    Map<String, PatronSnapshot> patronsByKey = patrons(patrons);
    return new ImportedData(itemsById, patronsByKey, holdsByItem);
  }

  /** The patrons file alone: patron records keyed by patron key, each card number hashed. */
  Map<String, PatronSnapshot> patrons(ExportTable patrons) throws ImportException {
    Map<String, PatronSnapshot> patronsByKey = new LinkedHashMap<>();
    for (ExportTable.Row row : rows(patrons, Dataset.PATRONS)) {
      Cells c = new Cells(patrons, row, Dataset.PATRONS);
      PatronSnapshot p =
          new PatronSnapshot(
              c.patronKey("cardNumber"),
              c.id("category"),
              c.date("expiry").orElseThrow(),
              c.bool("staffBlock"),
              c.bool("overdue"),
              c.loans("loans"),
              c.count("illThisFiscalYear", 0, 0, 999),
              c.count("illOnLoan", 0, 0, 999),
              c.count("holdsAndRequests", 0, 0, 999),
              c.date("groupConfirmedOn"),
              c.id("homeBranch"));
      if (patronsByKey.put(p.key().value(), p) != null) {
        throw ImportException.badSecret(
            patrons.file(),
            row.line(),
            mapping.header(Dataset.PATRONS, "cardNumber"),
            "each card number once (this one is on an earlier line too)");
      }
    }
    return patronsByKey;
  }

  private Iterable<ExportTable.Row> rows(ExportTable table, Dataset dataset)
      throws ImportException {
    for (String field : ColumnMapping.FIELDS.get(dataset)) {
      String header = mapping.header(dataset, field);
      if (ColumnMapping.required(dataset, field) && !table.headers().contains(header)) {
        throw new ImportException(
            table.file()
                + ":1: no column \""
                + header
                + "\" (field "
                + field
                + "), found: "
                + table.headers());
      }
    }
    return table.rows();
  }

  /** The cells of one row, read by field with the mapping, each failure naming its position. */
  private final class Cells {
    private final ExportTable table;
    private final ExportTable.Row row;
    private final Dataset dataset;

    Cells(ExportTable table, ExportTable.Row row, Dataset dataset) {
      this.table = table;
      this.row = row;
      this.dataset = dataset;
    }

    private String header(String field) {
      return mapping.header(dataset, field);
    }

    private String raw(String field) {
      return row.values().getOrDefault(header(field), "");
    }

    private ImportException bad(String field, String value, String allowed) {
      return ImportException.badValue(table.file(), row.line(), header(field), value, allowed);
    }

    ImportException duplicate(String field, String value) {
      return bad(field, value, "each value once (this one is on an earlier line too)");
    }

    String id(String field) throws ImportException {
      String v = raw(field);
      if (!ID.matcher(v).matches()) {
        throw bad(field, v, "1 to 64 of A-Z a-z 0-9 _ . : -, starting with a letter or digit");
      }
      return v;
    }

    String text(String field) throws ImportException {
      String v = raw(field);
      if (v.isEmpty() || v.length() > 500 || v.chars().anyMatch(Character::isISOControl)) {
        throw bad(field, v, "1 to 500 characters without control characters");
      }
      return v;
    }

    PatronKey patronKey(String field) throws ImportException {
      String v = raw(field);
      if (!CARD.matcher(v).matches()) {
        throw ImportException.badSecret(
            table.file(), row.line(), header(field), "a card number of 1 to 32 of A-Z a-z 0-9 -");
      }
      return hasher.keyOf(v);
    }

    ItemStatus status(String field) throws ImportException {
      String v = raw(field);
      try {
        return ItemStatus.valueOf(v.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw bad(field, v, "one of " + STATUSES);
      }
    }

    Set<String> flags(String field) throws ImportException {
      String v = raw(field);
      if (v.isEmpty()) {
        return Set.of();
      }
      Set<String> flags = Set.copyOf(Arrays.asList(v.split("\\s*\\|\\s*")));
      for (String f : flags) {
        if (!ID.matcher(f).matches()) {
          throw bad(field, v, "flags separated by |, each of A-Z a-z 0-9 _ . : -");
        }
      }
      return flags;
    }

    int count(String field, int absent, int min, int max) throws ImportException {
      String v = raw(field);
      if (v.isEmpty()) {
        return absent;
      }
      try {
        int n = Integer.parseInt(v);
        if (n >= min && n <= max) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad(field, v, "a whole number from " + min + " to " + max);
    }

    boolean bool(String field) throws ImportException {
      String v = raw(field).toLowerCase(java.util.Locale.ROOT);
      switch (v) {
        case "", "0", "false", "no":
          return false;
        case "1", "true", "yes":
          return true;
        default:
          throw bad(field, raw(field), "true/false, yes/no, 1/0 or empty (false)");
      }
    }

    Optional<java.time.LocalDate> date(String field) throws ImportException {
      String v = raw(field);
      if (v.isEmpty() && !ColumnMapping.required(dataset, field)) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.parse(v.replace('/', '-')));
      } catch (DateTimeParseException e) {
        throw bad(field, v, "a date as YYYY-MM-DD or YYYY/MM/DD");
      }
    }

    Map<String, Integer> loans(String field) throws ImportException {
      String v = raw(field);
      Map<String, Integer> loans = new HashMap<>();
      if (v.isEmpty()) {
        return loans;
      }
      for (String part : v.split("\\s*\\|\\s*")) {
        String[] kv = part.split("=", 2);
        try {
          if (kv.length == 2 && ID.matcher(kv[0]).matches()) {
            int n = Integer.parseInt(kv[1]);
            if (n >= 0 && n <= 999 && loans.put(kv[0], n) == null) {
              continue;
            }
          }
        } catch (NumberFormatException e) {
          // reported below
        }
        throw bad(field, v, "material=count pairs separated by |, e.g. book=2|video=1");
      }
      return loans;
    }
  }
}
