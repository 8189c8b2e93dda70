package org.shiori.circulation.policy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;

/** Patrons, items and moments for policy tests. */
final class PolicyFixtures {

  static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  static final PatronKey SELF = new PatronKey("5e1f5e1f5e1f5e1f");
  static final CirculationPolicy MATSUYAMA = ShippedPolicies.load("matsuyama", TOKYO);

  private PolicyFixtures() {}

  static ZonedDateTime at(String isoDate) {
    return LocalDate.parse(isoDate).atTime(LocalTime.of(10, 0)).atZone(TOKYO);
  }

  static PatronSnapshot patron(String category, Map<String, Integer> loans) {
    return new PatronSnapshot(
        SELF,
        category,
        LocalDate.of(2099, 1, 1),
        false,
        false,
        loans,
        0,
        0,
        0,
        Optional.of(LocalDate.of(2027, 4, 2)),
        "central");
  }

  static ItemRecord item(String id, String material, String... flags) {
    return new ItemRecord(
        id, "-", material, "central", ItemStatus.AVAILABLE, Set.of(flags), 1, Optional.empty());
  }
}
