package org.shiori.central.ils.fileimport;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.Dataset;

/**
 * The file-import connector: reads what the library system exported (items, patrons, holds), turns
 * card numbers into patron keys, and diffs against the last committed import. Nothing changes until
 * {@link Prepared#commit()}: call it once the deltas are safely with the sync publisher, so a
 * failure in between sends the same deltas again next time instead of losing them.
 */
public final class FileImport {
  /** The three export files of one import. */
  public record ExportFiles(Path items, Path patrons, Path holds) {}

  /** A diffed import waiting to be committed. */
  public final class Prepared {
    private final ImportDelta delta;
    private final Fingerprints next;

    private Prepared(ImportDelta delta, Fingerprints next) {
      this.delta = delta;
      this.next = next;
    }

    public ImportDelta delta() {
      return delta;
    }

    /** What this import will be remembered as once committed. */
    public Fingerprints fingerprints() {
      return next;
    }

    /** Makes this import the one the next is diffed against. */
    public void commit() throws IOException {
      state.save(next);
    }
  }

  private final ExportReader reader;
  private final ExportRecords records;
  private final ImportState state;

  public FileImport(
      ColumnMapping mapping, CardHasher hasher, ImportState state, ImportLimits limits) {
    this.reader = new ExportReader(limits);
    this.records = new ExportRecords(mapping, hasher);
    this.state = state;
  }

  /**
   * Reads and checks all three files; on any error nothing is diffed and the state is unchanged.
   */
  public Prepared prepare(ExportFiles files) throws ImportException, IOException {
    ImportedData data =
        records.build(
            reader.read(files.items()), reader.read(files.patrons()), reader.read(files.holds()));
    Fingerprints previous = state.last();
    Fingerprints next = Fingerprints.of(data);
    ImportDelta delta =
        new ImportDelta(
            changes(data.items(), previous, next, Dataset.ITEMS),
            changes(data.patrons(), previous, next, Dataset.PATRONS),
            changes(data.holds(), previous, next, Dataset.HOLDS));
    return new Prepared(delta, next);
  }

  private static <T> ImportDelta.Changes<T> changes(
      Map<String, T> records, Fingerprints previous, Fingerprints next, Dataset dataset) {
    Map<String, String> before = previous.of(dataset);
    Map<String, String> after = next.of(dataset);
    List<T> upserts = new ArrayList<>();
    // In key order, so the same import always gives the same deltas.
    new java.util.TreeMap<>(after)
        .forEach(
            (key, print) -> {
              if (!print.equals(before.get(key))) {
                upserts.add(records.get(key));
              }
            });
    List<String> deletes = new ArrayList<>();
    before.keySet().stream().filter(k -> !after.containsKey(k)).sorted().forEach(deletes::add);
    return new ImportDelta.Changes<>(upserts, deletes);
  }
}
