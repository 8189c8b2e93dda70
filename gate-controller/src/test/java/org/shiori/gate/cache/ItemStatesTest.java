package org.shiori.gate.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shiori.circulation.domain.ItemStatus;

class ItemStatesTest {
  private final ItemStates states = new ItemStates(4);

  @Test
  void findsWhatWasPutAndNothingElse() {
    states.item("1000000001", ItemStatus.ON_LOAN);
    states.item("1000000002", ItemStatus.AVAILABLE);

    assertThat(states.statusOf("1000000001")).isEqualTo(ItemStatus.ON_LOAN);
    assertThat(states.statusOf("1000000002")).isEqualTo(ItemStatus.AVAILABLE);
    assertThat(states.statusOf("1000000003")).isNull();
    assertThat(states.statusOf("100000000")).as("a prefix is another id").isNull();
    assertThat(states.size()).isEqualTo(2);
  }

  @Test
  void updatesRemovesAndRevives() {
    states.item("A-1", ItemStatus.AVAILABLE);
    states.item("A-1", ItemStatus.ON_LOAN);
    assertThat(states.statusOf("A-1")).isEqualTo(ItemStatus.ON_LOAN);
    states.remove("A-1");
    assertThat(states.statusOf("A-1")).isNull();
    assertThat(states.size()).isZero();
    states.item("A-1", ItemStatus.LOST);
    assertThat(states.statusOf("A-1")).isEqualTo(ItemStatus.LOST);
    assertThat(states.size()).isEqualTo(1);
  }

  @Test
  void nonAsciiIdsAreFoundToo() {
    states.item("図書-0001", ItemStatus.IN_REPAIR);
    assertThat(states.statusOf("図書-0001")).isEqualTo(ItemStatus.IN_REPAIR);
    assertThat(states.statusOf("図書-0002")).isNull();
  }

  @Test
  void idsNoTagCanCarryAreRefusedAndCounted() {
    states.item("", ItemStatus.AVAILABLE);
    states.item("x".repeat(256), ItemStatus.AVAILABLE);
    assertThat(states.size()).isZero();
    assertThat(states.refusedIds()).isEqualTo(2);
    assertThat(states.statusOf("x".repeat(256))).isNull();
  }

  @Test
  void growsFarBeyondItsFirstSizeAndKeepsEveryItem() {
    ItemStatus[] all = ItemStatus.values();
    for (int i = 0; i < 200_000; i++) {
      states.item(Integer.toString(3_000_000 + i), all[i % all.length]);
    }
    assertThat(states.size()).isEqualTo(200_000);
    for (int i = 0; i < 200_000; i += 997) {
      assertThat(states.statusOf(Integer.toString(3_000_000 + i))).isEqualTo(all[i % all.length]);
    }
  }

  @Test
  void replaceWithTakesTheOtherContentWhole() {
    states.item("old", ItemStatus.AVAILABLE);
    ItemStates fresh = new ItemStates();
    fresh.item("new", ItemStatus.ON_LOAN);
    states.replaceWith(fresh);
    assertThat(states.statusOf("old")).isNull();
    assertThat(states.statusOf("new")).isEqualTo(ItemStatus.ON_LOAN);
  }

  @Test
  void numericAndOtherIdsAreKeptApartAndALeadingZeroIsAnotherId() {
    states.item("1000000001", ItemStatus.ON_LOAN);
    states.item("01000000001", ItemStatus.AVAILABLE);
    states.item("0", ItemStatus.LOST);
    states.item("99999999999999999", ItemStatus.IN_REPAIR); // 17 digits: the largest number kept
    states.item("999999999999999999", ItemStatus.ON_HOLD_SHELF); // 18 digits: in the arena
    assertThat(states.statusOf("1000000001")).isEqualTo(ItemStatus.ON_LOAN);
    assertThat(states.statusOf("01000000001")).isEqualTo(ItemStatus.AVAILABLE);
    assertThat(states.statusOf("0")).isEqualTo(ItemStatus.LOST);
    assertThat(states.statusOf("99999999999999999")).isEqualTo(ItemStatus.IN_REPAIR);
    assertThat(states.statusOf("999999999999999999")).isEqualTo(ItemStatus.ON_HOLD_SHELF);
    assertThat(states.statusOf("1")).isNull();
    assertThat(states.size()).isEqualTo(5);

    states.remove("1000000001");
    states.remove("1000000001");
    assertThat(states.statusOf("1000000001")).isNull();
    assertThat(states.statusOf("01000000001")).isEqualTo(ItemStatus.AVAILABLE);
    assertThat(states.size()).isEqualTo(4);
    states.item("1000000001", ItemStatus.AVAILABLE);
    assertThat(states.statusOf("1000000001")).isEqualTo(ItemStatus.AVAILABLE);
    assertThat(states.size()).isEqualTo(5);
  }

  @Test
  void everyStatusSurvivesTheNumericPacking() {
    ItemStatus[] all = ItemStatus.values();
    for (int k = 0; k < all.length; k++) {
      states.item(Integer.toString(70_000 + k), all[k]);
    }
    for (int k = 0; k < all.length; k++) {
      assertThat(states.statusOf(Integer.toString(70_000 + k))).isEqualTo(all[k]);
    }
  }
}
