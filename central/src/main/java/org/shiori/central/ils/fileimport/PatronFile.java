package org.shiori.central.ils.fileimport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;

/**
 * One patrons file on its own (the {@code cards import} command): the columns and rules of the file
 * import's patrons file (docs/file-import.md), each card number hashed into the patron key as the
 * row is read. Errors name file, line, column and what is allowed, never a card number.
 */
public final class PatronFile {
  private PatronFile() {}

  public static List<PatronSnapshot> read(Path file, CardHasher hasher)
      throws ImportException, IOException {
    ExportTable table = new ExportReader(ImportLimits.DEFAULT).read(file);
    return List.copyOf(new ExportRecords(ColumnMapping.identity(), hasher).patrons(table).values());
  }
}
