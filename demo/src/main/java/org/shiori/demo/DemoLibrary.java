package org.shiori.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.demo.DemoTitles.Title;

/**
 * The demo library: a collection of tagged items and a set of patrons in every situation a kiosk
 * meets. Card numbers live here and in the central simulator only; the device receives keyed
 * hashes.
 */
public final class DemoLibrary {
  /** One RFID tag of the demo collection: a whole item, or one part of a multi-part item. */
  public record DemoTag(String uid, String itemId, int part, int parts) {}

  /** A demo patron card and the situation it demonstrates. No names exist anywhere. */
  public record DemoPatron(
      String barcode, String situation, String note, PatronSnapshot snapshot) {}

  private final List<ItemRecord> items = new ArrayList<>();
  private final List<DemoTag> tags = new ArrayList<>();
  private final List<DemoPatron> patrons = new ArrayList<>();
  private final List<HoldRecord> holds = new ArrayList<>();
  private final CardHasher hasher;
  private final LocalDate today;
  private int nextItem = 1;
  private int nextTag = 1;

  private DemoLibrary(CardHasher hasher, LocalDate today) {
    this.hasher = hasher;
    this.today = today;
  }

  /** Builds the demo library as of {@code today}, hashing cards with the tenant's key. */
  public static DemoLibrary create(CardHasher hasher, LocalDate today) {
    DemoLibrary library = new DemoLibrary(hasher, today);
    library.addPatrons();
    library.addCollection();
    return library;
  }

  public List<ItemRecord> items() {
    return Collections.unmodifiableList(items);
  }

  public List<DemoTag> tags() {
    return Collections.unmodifiableList(tags);
  }

  public List<DemoPatron> patrons() {
    return Collections.unmodifiableList(patrons);
  }

  public List<HoldRecord> holds() {
    return Collections.unmodifiableList(holds);
  }

  public Optional<DemoPatron> patronBySituation(String situation) {
    return patrons.stream().filter(p -> p.situation().equals(situation)).findFirst();
  }

  private void addPatrons() {
    patron("A1000000001B", "ordinary", "no loans", "individual", Map.of(), false, false, 365);
    patron(
        "A1000000002B",
        "ordinary",
        "9 books on loan",
        "individual",
        Map.of("book", 9),
        false,
        false,
        365);
    patron(
        "A1000000003B",
        "ordinary",
        "3 videos on loan",
        "individual",
        Map.of("video", 3),
        false,
        false,
        365);
    patron(
        "A1000000004B",
        "ordinary",
        "has a hold waiting",
        "individual",
        Map.of(),
        false,
        false,
        365);
    patron(
        "A1000000005B",
        "group",
        "school class, confirmed this year",
        "group",
        Map.of("book", 40),
        false,
        false,
        365);
    patron(
        "A1000000006B",
        "disability",
        "braille and DAISY service",
        "disability",
        Map.of("braille", 2),
        false,
        false,
        365);
    patron(
        "A1000000007B",
        "overdue",
        "one item overdue",
        "individual",
        Map.of("book", 2),
        false,
        true,
        365);
    patron("A1000000008B", "blocked", "blocked by staff", "individual", Map.of(), true, false, 365);
    patron(
        "A1000000009B",
        "expired",
        "registration expired yesterday",
        "individual",
        Map.of(),
        false,
        false,
        -1);
    patron(
        "A1000000010B",
        "ordinary",
        "second card of a family",
        "individual",
        Map.of("book", 1),
        false,
        false,
        200);
  }

  private void patron(
      String barcode,
      String situation,
      String note,
      String category,
      Map<String, Integer> loans,
      boolean staffBlock,
      boolean overdue,
      int validDays) {
    PatronKey key = hasher.keyOf(barcode);
    Optional<LocalDate> confirmed =
        category.equals("group") ? Optional.of(today) : Optional.empty();
    PatronSnapshot snapshot =
        new PatronSnapshot(
            key,
            category,
            today.plusDays(validDays),
            staffBlock,
            overdue,
            new HashMap<>(loans),
            0,
            0,
            0,
            confirmed,
            "central");
    patrons.add(new DemoPatron(barcode, situation, note, snapshot));
  }

  private void addCollection() {
    for (Title title : DemoTitles.BOOKS) {
      for (int copy = 0; copy < 4; copy++) {
        String home = copy == 3 ? "mitsuhama" : "central";
        item(title, "book", home, ItemStatus.AVAILABLE, Set.of(), 1, Optional.empty());
      }
    }
    copies(DemoTitles.VIDEOS, "video", 2, Set.of());
    copies(DemoTitles.AUDIO, "audio", 2, Set.of());
    copies(DemoTitles.MAGAZINES, "magazine", 1, Set.of());
    copies(DemoTitles.REFERENCE, "reference", 1, Set.of("reference"));
    for (Title title : DemoTitles.LARGE_PRINT_SETS) {
      int parts = title.en().contains("3 volumes") ? 3 : 2;
      item(
          title,
          "large-print",
          "central",
          ItemStatus.AVAILABLE,
          Set.of("set"),
          parts,
          Optional.empty());
    }
    for (Title title : DemoTitles.BRAILLE_AND_DAISY) {
      String material = title.en().contains("Braille") ? "braille" : "daisy";
      item(title, material, "central", ItemStatus.AVAILABLE, Set.of(), 1, Optional.empty());
    }
    item(
        new Title("愛媛新聞 2026年11月20日", "Ehime Shimbun, 20 November 2026"),
        "newspaper",
        "central",
        ItemStatus.AVAILABLE,
        Set.of("newspaper"),
        1,
        Optional.empty());
    item(
        new Title("国立国会図書館より借用 明治期の地図", "Meiji-era Maps (borrowed from the NDL)"),
        "book",
        "central",
        ItemStatus.AVAILABLE,
        Set.of("ill-ndl"),
        1,
        Optional.empty());
    item(
        new Title("他館より借用 瀬戸内海の漁業", "Fisheries of the Inland Sea (interlibrary loan)"),
        "book",
        "central",
        ItemStatus.AVAILABLE,
        Set.of("ill-other"),
        1,
        Optional.empty());
    item(
        new Title("紛失届の出ている本", "A book reported lost"),
        "book",
        "central",
        ItemStatus.LOST,
        Set.of(),
        1,
        Optional.empty());
    PatronKey holder = patronBySituation("ordinary").orElseThrow().snapshot().key();
    PatronKey waiting = patrons.get(3).snapshot().key();
    item(
        new Title("予約の本 坂の上の雲", "Clouds above the Hill (on hold)"),
        "book",
        "central",
        ItemStatus.ON_HOLD_SHELF,
        Set.of(),
        1,
        Optional.of(waiting));
    item(
        new Title("他の人の予約 街道をゆく", "Kaido wo Yuku (held for someone else)"),
        "book",
        "central",
        ItemStatus.ON_HOLD_SHELF,
        Set.of(),
        1,
        Optional.of(holder));
  }

  private void copies(List<Title> titles, String material, int copies, Set<String> flags) {
    for (Title title : titles) {
      for (int copy = 0; copy < copies; copy++) {
        item(title, material, "central", ItemStatus.AVAILABLE, flags, 1, Optional.empty());
      }
    }
  }

  private void item(
      Title title,
      String material,
      String home,
      ItemStatus status,
      Set<String> flags,
      int parts,
      Optional<PatronKey> holdFor) {
    String itemId = String.format("1201%06d", nextItem++);
    items.add(
        new ItemRecord(itemId, title.display(), material, home, status, flags, parts, holdFor));
    holdFor.ifPresent(key -> holds.add(new HoldRecord(itemId, key, "central")));
    for (int part = 1; part <= parts; part++) {
      tags.add(
          new DemoTag(String.format("E00401%010X", 0x5A0000L + nextTag++), itemId, part, parts));
    }
  }
}
