package org.shiori.central.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.forward.PatronCards;
import org.shiori.central.ils.fileimport.ColumnMapping;
import org.shiori.central.ils.fileimport.DatabaseImportState;
import org.shiori.central.ils.fileimport.FileImport;
import org.shiori.central.ils.fileimport.ImportDelta;
import org.shiori.central.ils.fileimport.ImportException;
import org.shiori.central.ils.fileimport.ImportLimits;
import org.shiori.central.ils.fileimport.PatronFile;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.sync.Datasets;
import org.shiori.central.sync.SyncPublisher;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.SyncMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-import connector at work: every {@code everyMinutes} it looks at the three export files
 * and, when one of them changed (size or modification time) since it last looked, imports them
 * (docs/file-import.md). The data-set changes and the import's fingerprints commit in one database
 * transaction, then the deltas go to the devices; an import with an error changes nothing and is
 * logged (file, line, column, value, what is allowed — never a card number) and tried again only
 * when a file changes.
 *
 * <p>With the SIP2 connector the same job feeds the devices' data sets from the library system's
 * exports, and it keeps each patron's card number beside the key in the same transaction: SIP2 must
 * name the patron to the library system (field {@code AA}). Without SIP2 no card number is kept. A
 * patron gone from the export is erased with its card number.
 */
public final class FileImportJob implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FileImportJob.class);

  private final CentralConfig.FileImport settings;
  private final CentralDatabase db;
  private final Datasets datasets;
  private final SyncPublisher sync;
  private final DatabaseImportState state;
  private final FileImport fileImport;
  private final CardHasher hasher;
  private final boolean keepCardNumbers;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "central-file-import");
            t.setDaemon(true);
            return t;
          });
  private List<String> lastSeen = List.of();

  /**
   * @param keepCardNumbers whether card numbers are kept for a connector that speaks for the patron
   *     (SIP2)
   */
  public FileImportJob(
      CentralConfig.FileImport settings,
      CentralDatabase db,
      Datasets datasets,
      SyncPublisher sync,
      boolean keepCardNumbers)
      throws IOException {
    this.settings = settings;
    this.db = db;
    this.datasets = datasets;
    this.sync = sync;
    this.state = new DatabaseImportState(db);
    this.hasher = new CardHasher(tenantKey(settings.tenantKeyFile()));
    this.keepCardNumbers = keepCardNumbers;
    this.fileImport = new FileImport(ColumnMapping.identity(), hasher, state, ImportLimits.DEFAULT);
  }

  /** The raw key bytes, from a file only its owner may read (as on the devices). */
  static byte[] tenantKey(Path file) throws IOException {
    Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
    if (p.stream().anyMatch(x -> x.name().startsWith("GROUP") || x.name().startsWith("OTHERS"))) {
      throw new IOException(file + ": the tenant key must be readable by its owner only (0600)");
    }
    if (Files.size(file) < 16 || Files.size(file) > 1024) {
      throw new IOException(file + ": a tenant key has 16 to 1024 bytes");
    }
    return Files.readAllBytes(file);
  }

  /**
   * Looks at the files every {@code everyMinutes}, the first time as soon as {@code linkUp} says
   * the broker is reached: the deltas of an import made before would not reach the devices, and one
   * that holds data already would learn of them only with the next change.
   */
  public void start(BooleanSupplier linkUp) {
    long every = settings.every().toMillis();
    timer.execute(
        () -> {
          while (!linkUp.getAsBoolean()) {
            try {
              Thread.sleep(250);
            } catch (InterruptedException e) {
              return; // closed before the broker was reached
            }
          }
          timer.scheduleWithFixedDelay(this::runQuietly, 0, every, TimeUnit.MILLISECONDS);
        });
  }

  private void runQuietly() {
    try {
      runIfChanged();
    } catch (RuntimeException e) {
      LOG.error("file import failed", e);
    }
  }

  /**
   * Imports when a file changed since the last look; returns what was sent. Empty when nothing
   * changed, a file is missing, or the import had an error (logged; nothing changed).
   */
  public synchronized Optional<ImportDelta> runIfChanged() {
    List<String> seen = new ArrayList<>();
    for (Path f : List.of(settings.items(), settings.patrons(), settings.holds())) {
      if (!Files.isReadable(f)) {
        LOG.warn("file import: {} is not there (yet); nothing imported", f);
        return Optional.empty();
      }
      try {
        seen.add(f + " " + Files.size(f) + " " + Files.getLastModifiedTime(f).toMillis());
      } catch (IOException e) {
        LOG.warn("file import: cannot look at {}: {}", f, e.getMessage());
        return Optional.empty();
      }
    }
    if (seen.equals(lastSeen)) {
      return Optional.empty();
    }
    lastSeen = seen;
    FileImport.Prepared prepared;
    Map<PatronKey, String> cards;
    try {
      prepared =
          fileImport.prepare(
              new FileImport.ExportFiles(settings.items(), settings.patrons(), settings.holds()));
      cards =
          keepCardNumbers
              ? PatronFile.read(settings.patrons(), hasher, true).cardNumbers()
              : Map.of();
    } catch (ImportException e) {
      LOG.warn("file import refused, nothing changed: {}", e.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("file import could not read the exports, nothing changed: {}", e.getMessage());
      return Optional.empty();
    }
    ImportDelta delta = prepared.delta();
    List<SyncMessage> messages =
        db.inTransaction(
            c -> {
              List<SyncMessage> out = new ArrayList<>();
              for (ItemRecord i : delta.items().upserts()) {
                out.add(datasets.putItem(c, i));
              }
              for (PatronSnapshot p : delta.patrons().upserts()) {
                out.add(datasets.putPatron(c, p));
              }
              for (HoldRecord h : delta.holds().upserts()) {
                out.add(datasets.putHold(c, h));
              }
              for (String itemId : delta.holds().deletes()) {
                out.addAll(datasets.removeHold(c, itemId));
              }
              for (String itemId : delta.items().deletes()) {
                out.addAll(datasets.removeItem(c, itemId));
              }
              for (String key : delta.patrons().deletes()) {
                out.addAll(datasets.removePatron(c, new PatronKey(key)));
              }
              PatronCards.putAllIfAbsent(c, cards);
              // In the same transaction: the changes and "this is the last import" or neither.
              state.save(c, prepared.fingerprints());
              return out;
            });
    sync.broadcast(messages);
    LOG.info(
        "file import: items +{} -{}, patrons +{} -{}, holds +{} -{}",
        delta.items().upserts().size(),
        delta.items().deletes().size(),
        delta.patrons().upserts().size(),
        delta.patrons().deletes().size(),
        delta.holds().upserts().size(),
        delta.holds().deletes().size());
    return Optional.of(delta);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
