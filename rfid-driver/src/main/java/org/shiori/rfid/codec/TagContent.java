package org.shiori.rfid.codec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tag's user memory says. {@code fields} holds every decoded field by its JSON name in a
 * stable order (format specific: version, usage, country, isil for ISO 28560-3; set, total, type,
 * barcode, branch, library, custom for RFID501). {@code parts}/{@code part} are 0 when unknown.
 */
public record TagContent(
    TagFormat format,
    String itemId,
    int parts,
    int part,
    boolean crcValid,
    List<String> quirks,
    Map<String, Object> fields) {

  public TagContent {
    quirks = List.copyOf(quirks);
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** Quirk names reported when a tag was decoded tolerantly. */
  public static final String QUIRK_NIBBLE_SWAPPED = "nibble-swapped-byte0";

  public static final String QUIRK_BLOCK_REVERSED = "block-reversed";
  public static final String QUIRK_PARTS_SWAPPED = "parts-swapped";
  public static final String QUIRK_BLANK = "blank";

  public static TagContent unknown() {
    return new TagContent(TagFormat.UNKNOWN, "", 0, 0, false, List.of(), Map.of());
  }
}
