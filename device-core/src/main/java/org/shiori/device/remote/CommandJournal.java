package org.shiori.device.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.shiori.protocol.ManagementResult;
import org.shiori.protocol.PayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The results of the last management commands, by id, in a file of the data directory (one encoded
 * {@link ManagementResult} a line): a command whose id is in here is not run again, its result is
 * sent again instead. Survives restarts, since a restart and a configuration update end the
 * process. Holds no personal data.
 */
public final class CommandJournal {
  private static final Logger LOG = LoggerFactory.getLogger(CommandJournal.class);

  /** The journal's file name inside the data directory. */
  public static final String FILE = "remote-commands.log";

  /** Ids remembered; central never repeats one older than the last few hundred commands. */
  static final int KEPT = 256;

  private final Path file;
  private final LinkedHashMap<UUID, ManagementResult> results = new LinkedHashMap<>();

  private CommandJournal(Path file) {
    this.file = file;
  }

  /** Opens the journal in {@code dataDir}; lines that do not read are skipped and logged. */
  public static CommandJournal open(Path dataDir) {
    CommandJournal journal = new CommandJournal(dataDir.resolve(FILE));
    if (Files.exists(journal.file)) {
      try {
        int line = 0;
        for (String text : Files.readAllLines(journal.file, StandardCharsets.UTF_8)) {
          line++;
          try {
            ManagementResult r = ManagementResult.decode(text.getBytes(StandardCharsets.UTF_8));
            r.id().ifPresent(id -> journal.results.put(id, r));
          } catch (PayloadException e) {
            LOG.warn("{} line {} skipped: {}", journal.file, line, e.getMessage());
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + journal.file, e);
      }
    }
    return journal;
  }

  public synchronized Optional<ManagementResult> find(UUID id) {
    return Optional.ofNullable(results.get(id));
  }

  /** Keeps {@code result} as the answer to its id (a later result of the same id replaces it). */
  public synchronized void record(ManagementResult result) throws IOException {
    UUID id = result.id().orElseThrow(() -> new IllegalArgumentException("a result without id"));
    results.remove(id);
    results.put(id, result);
    while (results.size() > KEPT) {
      UUID oldest = results.keySet().iterator().next();
      results.remove(oldest);
    }
    StringBuilder text = new StringBuilder();
    for (Map.Entry<UUID, ManagementResult> e : results.entrySet()) {
      text.append(new String(e.getValue().encode(), StandardCharsets.UTF_8)).append('\n');
    }
    AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
