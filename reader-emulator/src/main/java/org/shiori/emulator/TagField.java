package org.shiori.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.shiori.rfid.tag.TagUid;

/** The tags currently in an emulated antenna field; safe to change while an emulator runs. */
public final class TagField {
  private final Map<Long, VirtualTag> tags = new ConcurrentSkipListMap<>();

  public void put(VirtualTag tag) {
    tags.put(tag.uid().value(), tag);
  }

  public void remove(TagUid uid) {
    tags.remove(uid.value());
  }

  public void clear() {
    tags.clear();
  }

  /** Snapshot in UID order. */
  public List<VirtualTag> tags() {
    return List.copyOf(tags.values());
  }

  public Optional<VirtualTag> find(TagUid uid) {
    return Optional.ofNullable(tags.get(uid.value()));
  }
}
