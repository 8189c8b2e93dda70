package org.shiori.demo;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shiori.circulation.domain.ItemRecord;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.security.SecurityMode;
import org.shiori.rfid.tag.TagUid;

/**
 * The demo's physical world: every tagged item of the demo library as a virtual ISO 15693 tag
 * carrying ISO 28560-3 data, and the emulated reader's antenna field that the simulator fills.
 */
final class DemoPad {
  /** ISIL of the demo library (JP-1234567 style, as Japanese libraries are registered). */
  static final String ISIL = "JP-1001234";

  private final Map<String, VirtualTag> tagsByUid = new LinkedHashMap<>();
  private final Map<String, DemoLibrary.DemoTag> demoTags = new LinkedHashMap<>();
  private final TagField field = new TagField();

  DemoPad(DemoLibrary library, SecurityMode security) {
    Map<String, ItemRecord> items = new LinkedHashMap<>();
    library.items().forEach(item -> items.put(item.itemId(), item));
    for (DemoLibrary.DemoTag demoTag : library.tags()) {
      TagUid uid = TagUid.fromHex(demoTag.uid());
      byte[] data =
          LibraryTagCodec.encodeIso28560_3(
              demoTag.itemId(), demoTag.parts(), demoTag.part(), "JP", ISIL);
      VirtualTag tag = VirtualTag.slix(uid, data);
      boolean onLoan = items.get(demoTag.itemId()).status() == ItemStatus.ON_LOAN;
      tag.setAfi(onLoan ? security.releasedAfi() : security.securedAfi());
      tagsByUid.put(uid.hex(), tag);
      demoTags.put(uid.hex(), demoTag);
    }
  }

  TagField field() {
    return field;
  }

  Collection<DemoLibrary.DemoTag> demoTags() {
    return demoTags.values();
  }

  VirtualTag tag(String uidHex) {
    return tagsByUid.get(uidHex.toUpperCase(java.util.Locale.ROOT));
  }

  boolean onPad(String uidHex) {
    return field.find(TagUid.fromHex(uidHex)).isPresent();
  }

  /** Unknown UIDs among {@code uids}, for a clear refusal of the whole request. */
  List<String> unknown(Collection<String> uids) {
    return uids.stream().filter(uid -> tag(uid) == null).toList();
  }

  /** Makes exactly these tags lie on the pad. */
  void place(Set<String> uids) {
    field.clear();
    uids.forEach(uid -> field.put(tag(uid)));
  }
}
