package org.shiori.kiosk.pad;

import java.util.List;

/** Told whenever the set of readable item tags on the pad changes. */
@FunctionalInterface
public interface PadListener {
  void padChanged(List<ItemTag> tagsOnPad);
}
