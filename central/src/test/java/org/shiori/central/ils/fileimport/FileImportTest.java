package org.shiori.central.ils.fileimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.protocol.Dataset;
import org.shiori.protocol.SyncCodec;
import org.shiori.protocol.SyncMessage;

class FileImportTest {
  private static final CardHasher HASHER =
      new CardHasher("tenant-key-for-tests-0123456789".getBytes(StandardCharsets.US_ASCII));
  private static final String CARD_1 = "2010000123456";
  private static final String CARD_2 = "2010000654321";

  @TempDir Path dir;

  private final InMemoryImportState state = new InMemoryImportState();

  private FileImport importer(ImportState s) {
    return new FileImport(ColumnMapping.identity(), HASHER, s, ImportLimits.DEFAULT);
  }

  private FileImport.ExportFiles write(String items, String patrons, String holds)
      throws IOException {
    Path i = dir.resolve("items.csv");
    Path p = dir.resolve("patrons.tsv");
    Path h = dir.resolve("holds.csv");
    Files.writeString(i, items, StandardCharsets.UTF_8);
    Files.writeString(p, patrons, StandardCharsets.UTF_8);
    Files.writeString(h, holds, StandardCharsets.UTF_8);
    return new FileImport.ExportFiles(i, p, h);
  }

  private static final String ITEMS =
      "\uFEFFitemId,title,material,homeBranch,status,flags,parts\r\n"
          + "1001,\"吾輩は猫である\",book,main,AVAILABLE,,1\r\n"
          + "1002,\"坊っちゃん, 新装版\",book,main,ON_LOAN,,1\r\n"
          + "1003,\"「こころ」\"\"上\"\"\",book,kita,AVAILABLE,reference,1\r\n"
          + "1004,朗読 CD 全集,cd,main,ON_HOLD_SHELF,,3\r\n";
  private static final String PATRONS =
      "cardNumber\tcategory\texpiry\thomeBranch\tstaffBlock\tloans\r\n"
          + CARD_1
          + "\tindividual\t2027-03-31\tmain\tfalse\tbook=2\r\n"
          + CARD_2
          + "\tchild\t2028/03/31\tkita\t0\t\r\n";
  private static final String HOLDS =
      "itemId,cardNumber,pickupBranch\r\n" + "1004," + CARD_2 + ",kita\r\n";

  @Test
  void aRealisticExportBecomesTheDevicesRecords() throws Exception {
    ImportDelta d = importer(state).prepare(write(ITEMS, PATRONS, HOLDS)).delta();
    assertThat(d.items().upserts())
        .extracting(ItemRecord::title)
        .containsExactly("吾輩は猫である", "坊っちゃん, 新装版", "「こころ」\"上\"", "朗読 CD 全集");
    ItemRecord held = d.items().upserts().get(3);
    assertThat(held.status()).isEqualTo(ItemStatus.ON_HOLD_SHELF);
    assertThat(held.parts()).isEqualTo(3);
    assertThat(held.holdFor()).contains(HASHER.keyOf(CARD_2));
    assertThat(d.items().upserts().get(2).flags()).containsExactly("reference");
    assertThat(d.patrons().upserts())
        .extracting(p -> p.key())
        .containsExactlyInAnyOrder(HASHER.keyOf(CARD_1), HASHER.keyOf(CARD_2));
    assertThat(d.patrons().upserts())
        .filteredOn(p -> p.key().equals(HASHER.keyOf(CARD_1)))
        .singleElement()
        .satisfies(p -> assertThat(p.loansByMaterial()).isEqualTo(Map.of("book", 2)));
    assertThat(d.holds().upserts())
        .singleElement()
        .satisfies(h -> assertThat(h.itemId()).isEqualTo("1004"));
    assertThat(d.items().deletes()).isEmpty();
  }

  @Test
  void aMappingReadsTheLibrarySystemsOwnHeaders() throws Exception {
    ColumnMapping mapping =
        new ColumnMapping(Map.of(Dataset.ITEMS, Map.of("itemId", "資料ID", "title", "書名")));
    FileImport.ExportFiles files =
        write(
            "資料ID,書名,material,homeBranch,status\n1001,雪国,book,main,available\n",
            PATRONS,
            "itemId,cardNumber,pickupBranch\n");
    ImportDelta d =
        new FileImport(mapping, HASHER, state, ImportLimits.DEFAULT).prepare(files).delta();
    assertThat(d.items().upserts()).extracting(ItemRecord::title).containsExactly("雪国");
  }

  @Test
  void aBrokenExportIsRefusedWithFileLineColumnValueAndWhatIsAllowed() throws Exception {
    FileImport importer = importer(state);
    assertThatThrownBy(
            () ->
                importer.prepare(
                    write(
                        "itemId,title,material,homeBranch,status\n"
                            + "1001,雪国,book,main,AVAILABLE\n"
                            + "1002,山の音,book,main,LENT\n",
                        PATRONS,
                        HOLDS)))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "items.csv:3: column \"status\": found \"LENT\", allowed: one of AVAILABLE, ON_LOAN,"
                + " ON_HOLD_SHELF, LOST, MISSING, WITHDRAWN, IN_REPAIR, IN_TRANSIT");
    assertThatThrownBy(
            () ->
                importer.prepare(
                    write(
                        ITEMS,
                        "cardNumber\tcategory\thomeBranch\n" + CARD_1 + "\tx\tmain\n",
                        HOLDS)))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "patrons.tsv:1: no column \"expiry\" (field expiry), found: [cardNumber, category,"
                + " homeBranch]");
    assertThatThrownBy(
            () ->
                importer.prepare(
                    write(
                        ITEMS,
                        "cardNumber\tcategory\texpiry\thomeBranch\n"
                            + CARD_1
                            + "\tindividual\t31.03.2027\tmain\n",
                        HOLDS)))
        .hasMessage(
            "patrons.tsv:2: column \"expiry\": found \"31.03.2027\", allowed: a date as YYYY-MM-DD"
                + " or YYYY/MM/DD");
    assertThatThrownBy(
            () ->
                importer.prepare(
                    write(ITEMS, PATRONS, "itemId,cardNumber,pickupBranch\n1004,20100 00,kita\n")))
        .as("a bad card number is not repeated in the message")
        .hasMessage(
            "holds.csv:2: column \"cardNumber\": found a bad value, allowed: a card number of 1 to"
                + " 32 of A-Z a-z 0-9 -");
    assertThatThrownBy(
            () ->
                importer.prepare(
                    write(
                        "itemId,title,material,homeBranch,status\n1001,\"雪国,book,main,AVAILABLE\n",
                        PATRONS,
                        HOLDS)))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "items.csv:2: Missing closing quote for value (noticed at line 3), allowed: RFC 4180"
                + " quoting (a quoted value ends with a quote, \"\" inside)");
    assertThat(state.last()).isEqualTo(Fingerprints.none());
  }

  @Test
  void theNextImportSendsOnlyWhatChanged() throws Exception {
    FileImport importer = importer(state);
    importer.prepare(write(ITEMS, PATRONS, HOLDS)).commit();
    String items =
        "itemId,title,material,homeBranch,status,flags,parts\n"
            + "1001,吾輩は猫である,book,main,ON_LOAN,,1\n" // changed
            + "1002,\"坊っちゃん, 新装版\",book,main,ON_LOAN,,1\n" // same
            + "1004,朗読 CD 全集,cd,main,AVAILABLE,,3\n" // hold picked up
            + "1005,雪国,book,main,AVAILABLE,,1\n"; // added; 1003 removed
    ImportDelta d =
        importer.prepare(write(items, PATRONS, "itemId,cardNumber,pickupBranch\n")).delta();
    assertThat(d.items().upserts())
        .extracting(ItemRecord::itemId)
        .containsExactly("1001", "1004", "1005");
    assertThat(d.items().upserts().get(1).holdFor()).isEmpty();
    assertThat(d.items().deletes()).containsExactly("1003");
    assertThat(d.holds().upserts()).isEmpty();
    assertThat(d.holds().deletes()).containsExactly("1004");
    assertThat(d.patrons().isEmpty()).isTrue();
  }

  @Test
  void nothingItStoresOrSendsHoldsACardNumber() throws Exception {
    Path stateFile = dir.resolve("state/import.state");
    FileImport importer = importer(new FileImportState(stateFile));
    FileImport.Prepared prepared = importer.prepare(write(ITEMS, PATRONS, HOLDS));
    prepared.commit();
    SyncCodec codec = new SyncCodec("t1");
    byte[] patrons = codec.encode(message(Dataset.PATRONS, prepared.delta().patrons()));
    byte[] holds = codec.encode(message(Dataset.HOLDS, prepared.delta().holds()));
    byte[] stored = Files.readAllBytes(stateFile);
    for (byte[] bytes :
        new byte[][] {
          patrons, holds, stored, prepared.delta().toString().getBytes(StandardCharsets.UTF_8)
        }) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain(CARD_1).doesNotContain(CARD_2);
    }
    assertThat(new String(stored, StandardCharsets.UTF_8)).contains(HASHER.keyOf(CARD_1).value());
    // The file state reads back and diffs to nothing.
    assertThat(importer.prepare(write(ITEMS, PATRONS, HOLDS)).delta().isEmpty()).isTrue();
  }

  @Test
  void aHugeFileIsRefusedByItsSizeBeforeItIsRead() throws Exception {
    Path huge = dir.resolve("items.csv");
    try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
      f.setLength(200L * 1000 * 1000); // sparse: no 200 MB written, none read
    }
    Files.writeString(dir.resolve("patrons.tsv"), PATRONS, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("holds.csv"), HOLDS, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                importer(state)
                    .prepare(
                        new FileImport.ExportFiles(
                            huge, dir.resolve("patrons.tsv"), dir.resolve("holds.csv"))))
        .isInstanceOf(ImportException.class)
        .hasMessage(
            "items.csv: 200000000 bytes, allowed: at most 100000000 bytes; nothing was read");
  }

  @Test
  void aTenMegabyteLineIsRefusedWhileReading() throws Exception {
    Path items = dir.resolve("items.csv");
    try (Writer w = Files.newBufferedWriter(items, StandardCharsets.UTF_8)) {
      w.write("itemId,title,material,homeBranch,status\n1001,");
      char[] chunk = new char[1 << 16];
      java.util.Arrays.fill(chunk, 'あ');
      for (int i = 0; i < 160; i++) {
        w.write(chunk);
      }
      w.write(",book,main,AVAILABLE\n");
    }
    Files.writeString(dir.resolve("patrons.tsv"), PATRONS, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("holds.csv"), HOLDS, StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                importer(state)
                    .prepare(
                        new FileImport.ExportFiles(
                            items, dir.resolve("patrons.tsv"), dir.resolve("holds.csv"))))
        .isInstanceOf(ImportException.class)
        .hasMessage("items.csv:2: line longer than 65536 characters, allowed: at most 65536");
    assertThat(state.last()).isEqualTo(Fingerprints.none());
  }

  @Test
  void aDamagedStateFileIsReportedWithItsLineAndLeftAsItWas() throws Exception {
    Path stateFile = dir.resolve("import.state");
    Files.writeString(stateFile, "ITEMS\t1001\tabc\nnot a state line\n", StandardCharsets.UTF_8);
    byte[] before = Files.readAllBytes(stateFile);
    assertThatThrownBy(
            () -> importer(new FileImportState(stateFile)).prepare(write(ITEMS, PATRONS, HOLDS)))
        .isInstanceOf(IOException.class)
        .hasMessage(stateFile + ":2: not dataset, key and fingerprint");
    assertThat(Files.readAllBytes(stateFile)).isEqualTo(before);
  }

  @Test
  void aRowWithMoreValuesThanColumnsIsRefused() throws Exception {
    assertThatThrownBy(
            () ->
                importer(state)
                    .prepare(
                        write(
                            "itemId,title,material,homeBranch,status\n"
                                + "1001,雪国,book,main,AVAILABLE,extra\n",
                            PATRONS,
                            HOLDS)))
        .hasMessage("items.csv:2: 6 values, allowed: at most 5 (one per column of line 1)");
  }

  private static SyncMessage message(Dataset dataset, ImportDelta.Changes<?> changes) {
    return new SyncMessage(
        "t1", dataset, false, 1, 0, 1, changes.upserts(), changes.deletes(), Optional.empty());
  }
}
