package org.shiori.central.ils.fileimport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.Dataset;

/**
 * One patrons file on its own (the {@code cards import} command): the columns and rules of the file
 * import's patrons file (docs/file-import.md), each card number hashed into the patron key as the
 * row is read. Errors name file, line, column and what is allowed, never a card number.
 */
public final class PatronFile {
  private PatronFile() {}

  /** The records and, for a connector that must speak for the patron, their card numbers. */
  public record Patrons(List<PatronSnapshot> records, Map<PatronKey, String> cardNumbers) {}

  public static List<PatronSnapshot> read(Path file, CardHasher hasher)
      throws ImportException, IOException {
    return read(file, hasher, false).records();
  }

  /**
   * @param keepCardNumbers whether to keep each card number by its patron key, for the SIP2
   *     connector (field {@code AA}); otherwise the card numbers are dropped as they are hashed
   */
  public static Patrons read(Path file, CardHasher hasher, boolean keepCardNumbers)
      throws ImportException, IOException {
    ExportTable table = new ExportReader(ImportLimits.DEFAULT).read(file);
    List<PatronSnapshot> records =
        List.copyOf(new ExportRecords(ColumnMapping.identity(), hasher).patrons(table).values());
    Map<PatronKey, String> cards = new LinkedHashMap<>();
    if (keepCardNumbers) {
      // Every row's card number was checked by patrons() above.
      String header = ColumnMapping.identity().header(Dataset.PATRONS, "cardNumber");
      for (ExportTable.Row row : table.rows()) {
        String card = row.values().get(header);
        cards.put(hasher.keyOf(card), card);
      }
    }
    return new Patrons(records, Map.copyOf(cards));
  }
}
