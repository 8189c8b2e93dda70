package org.shiori.central.ils.fileimport;

import java.util.Map;
import org.shiori.circulation.domain.HoldRecord;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.PatronSnapshot;

/**
 * One import's records, keyed as the devices key them: items by item id, patrons by patron key
 * (never by card number), holds by held item id.
 */
public record ImportedData(
    Map<String, ItemRecord> items,
    Map<String, PatronSnapshot> patrons,
    Map<String, HoldRecord> holds) {
  public ImportedData {
    items = Map.copyOf(items);
    patrons = Map.copyOf(patrons);
    holds = Map.copyOf(holds);
  }
}
