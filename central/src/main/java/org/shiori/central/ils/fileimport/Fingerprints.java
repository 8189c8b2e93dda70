package org.shiori.central.ils.fileimport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.protocol.Dataset;

/**
 * What an import leaves for the next one to diff against: per data set, each record's key and a
 * SHA-256 of its content. Keys are item ids and patron keys, never card numbers, and no record
 * content is kept, so the stored state holds nothing personal beyond the keyed hashes.
 */
public record Fingerprints(Map<Dataset, Map<String, String>> byDataset) {
  public Fingerprints {
    Map<Dataset, Map<String, String>> copy = new TreeMap<>();
    byDataset.forEach((d, m) -> copy.put(d, Map.copyOf(m)));
    byDataset = Map.copyOf(copy);
  }

  public static Fingerprints none() {
    return new Fingerprints(Map.of());
  }

  public Map<String, String> of(Dataset dataset) {
    return byDataset.getOrDefault(dataset, Map.of());
  }

  static Fingerprints of(ImportedData data) {
    Map<String, String> items = new TreeMap<>();
    data.items().forEach((k, v) -> items.put(k, digest(canonical(v))));
    Map<String, String> patrons = new TreeMap<>();
    data.patrons().forEach((k, v) -> patrons.put(k, digest(canonical(v))));
    Map<String, String> holds = new TreeMap<>();
    data.holds().forEach((k, v) -> holds.put(k, digest(canonical(v))));
    return new Fingerprints(
        Map.of(Dataset.ITEMS, items, Dataset.PATRONS, patrons, Dataset.HOLDS, holds));
  }

  // Sets and maps in sorted order, so equal records always give equal fingerprints.
  private static String canonical(ItemRecord i) {
    return String.join(
        "\u001f",
        i.itemId(),
        i.title(),
        i.material(),
        i.homeBranch(),
        i.status().name(),
        new TreeSet<>(i.flags()).toString(),
        Integer.toString(i.parts()),
        i.holdFor().map(k -> k.value()).orElse(""));
  }

  private static String canonical(PatronSnapshot p) {
    return String.join(
        "\u001f",
        p.key().value(),
        p.category(),
        p.expiry().toString(),
        Boolean.toString(p.staffBlock()),
        Boolean.toString(p.overdue()),
        new TreeMap<>(p.loansByMaterial()).toString(),
        Integer.toString(p.illThisFiscalYear()),
        Integer.toString(p.illOnLoan()),
        Integer.toString(p.holdsAndRequests()),
        p.groupConfirmedOn().map(Object::toString).orElse(""),
        p.homeBranch());
  }

  private static String canonical(HoldRecord h) {
    return String.join("\u001f", h.itemId(), h.patron().value(), h.pickupBranch());
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
