package org.shiori.central.ils.fileimport;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shiori.protocol.Dataset;

/**
 * Import state in one text file, a line per record: {@code dataset TAB key TAB sha256}. Written to
 * a temporary file, forced to disk and moved over the old one, so a crash leaves the old state or
 * the new one, never half of each.
 */
public final class FileImportState implements ImportState {
  private final Path file;

  public FileImportState(Path file) {
    this.file = file;
  }

  @Override
  public synchronized Fingerprints last() throws IOException {
    if (!Files.exists(file)) {
      return Fingerprints.none();
    }
    Map<Dataset, Map<String, String>> by = new EnumMap<>(Dataset.class);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split("\t");
      if (f.length != 3) {
        throw new IOException(file + ":" + (i + 1) + ": not dataset, key and fingerprint");
      }
      Dataset d;
      try {
        d = Dataset.valueOf(f[0]);
      } catch (IllegalArgumentException e) {
        throw new IOException(file + ":" + (i + 1) + ": unknown data set " + f[0], e);
      }
      by.computeIfAbsent(d, x -> new TreeMap<>()).put(f[1], f[2]);
    }
    return new Fingerprints(by);
  }

  @Override
  public synchronized void save(Fingerprints fingerprints) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        for (Map.Entry<Dataset, Map<String, String>> d : fingerprints.byDataset().entrySet()) {
          for (Map.Entry<String, String> e : new TreeMap<>(d.getValue()).entrySet()) {
            w.write(d.getKey().name() + "\t" + e.getKey() + "\t" + e.getValue() + "\n");
          }
        }
      }
      try (var channel =
          java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
