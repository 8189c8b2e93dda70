package org.shiori.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.SerialSettings;

/** The timing model against the ISO/IEC 15693-3 figures worked out by hand (docs/rfid.md). */
class Iso15693AirTimeTest {
  private final Iso15693AirTime air = new Iso15693AirTime(Duration.ofMillis(20));

  @Test
  void anEmptySixteenSlotInventoryIsTheRequestAndSixteenEmptySlots() {
    // request: SOF 75.52 + 5 bytes (6 with AFI) x 302.08 + EOF 37.76 µs;
    // slots: 16 x t3 (323.3 + 151.0) + 15 EOFs x 37.76 µs
    assertThat(air.inventory(List.of(), true).toNanos()).isBetween(10_080_000L, 10_082_000L);
    assertThat(air.inventory(List.of(), false).toNanos()).isBetween(9_778_000L, 9_780_000L);
  }

  @Test
  void tagsInDistinctSlotsCostOneReplyEachAndCollidingTagsAFurtherRound() {
    TagUid a = new TagUid(0xE004010000000001L);
    TagUid b = new TagUid(0xE004010000000002L);
    TagUid sameSlotAsA = new TagUid(0xE004010000000011L);
    long empty = air.inventory(List.of(), false).toNanos();
    long one = air.inventory(List.of(a), false).toNanos();
    long two = air.inventory(List.of(a, b), false).toNanos();
    long collided = air.inventory(List.of(a, sameSlotAsA), false).toNanos();
    long reply = one - empty;
    // a reply slot: t1 + SOF + 12 bytes + EOF + t2 = 4.557 ms, instead of t3 = 0.474 ms
    assertThat(reply).isBetween(4_082_000L, 4_083_000L);
    assertThat(two - one).isEqualTo(reply);
    assertThat(collided).isGreaterThan(two + empty);
  }

  @Test
  void readingNineBlocksAndWritingTheAfiFollowTheFigures() {
    // 14-byte request, t1, 48-byte reply (flags, 9 x (status + 4 bytes), CRC), t2
    assertThat(air.readBlocks(9, 4).toNanos()).isBetween(19_773_000L, 19_774_000L);
    // 13-byte request, t1, 20 ms programming, 3-byte reply, t2
    assertThat(air.writeWithoutData(1).toNanos()).isBetween(25_878_000L, 25_879_000L);
  }

  @Test
  void lineTimeCountsStartParityAndStopBits() {
    RealTimePacing feig = RealTimePacing.of(SerialSettings.feig("/dev/null"));
    assertThat(feig.lineTime(100).toNanos()).isEqualTo(100 * 286_458L);
    RealTimePacing threeM = RealTimePacing.of(SerialSettings.threeM("/dev/null"));
    assertThat(threeM.lineTime(1).toNanos()).isEqualTo(520_833L);
  }
}
