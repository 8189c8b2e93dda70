package org.shiori.gate.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.device.store.ItemStatusScan;

/**
 * Every cached item's circulation status in memory, so the gate decides a tag without touching the
 * disk: an open-addressing hash table over one byte arena of item ids (length-prefixed UTF-8), one
 * status byte and one arena offset per item. A million items of 13-character ids take about 27 MB
 * (docs/gate.md). Loaded from the SQLite item cache at start, kept current by sync. Thread-safe:
 * sync writes, the reader's I/O thread looks up (an uncontended monitor costs nanoseconds).
 */
public final class ItemStates implements ItemStatusScan {
  private static final byte DELETED = -1;
  private static final ItemStatus[] STATUSES = ItemStatus.values();
  private static final int MAX_ID_BYTES = 255;

  private byte[] arena;
  private int arenaUsed;
  private int[] offsets;
  private byte[] statuses;
  private int entries;
  private int live;
  private int[] slots;
  private long refusedIds;

  public ItemStates() {
    this(1024);
  }

  /**
   * @param expectedItems how many items to make room for at once
   */
  public ItemStates(int expectedItems) {
    int capacity = Math.max(16, expectedItems);
    arena = new byte[capacity * 16];
    offsets = new int[capacity];
    statuses = new byte[capacity];
    slots = new int[tableSizeFor(capacity)];
  }

  private static int tableSizeFor(int capacity) {
    return Integer.highestOneBit(Math.max(16, capacity) * 2 - 1) << 1;
  }

  /** Sets {@code itemId}'s status (a sync upsert or the start-up load). */
  @Override
  public synchronized void item(String itemId, ItemStatus status) {
    byte[] id = itemId.getBytes(StandardCharsets.UTF_8);
    if (id.length == 0 || id.length > MAX_ID_BYTES) {
      refusedIds++; // no tag can carry it; counted, not stored
      return;
    }
    int hash = hash(id, 0, id.length);
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        int entry = append(id, status);
        slots[i] = entry + 1;
        if (entries * 2 > slots.length) {
          rehash(slots.length * 2);
        }
        return;
      }
      if (sameId(slot - 1, id)) {
        if (statuses[slot - 1] == DELETED) {
          live++;
        }
        statuses[slot - 1] = (byte) status.ordinal();
        return;
      }
    }
  }

  /** Forgets {@code itemId} (a sync delete). */
  public synchronized void remove(String itemId) {
    int entry = find(itemId.getBytes(StandardCharsets.UTF_8));
    if (entry >= 0 && statuses[entry] != DELETED) {
      statuses[entry] = DELETED;
      live--;
    }
  }

  /** The status of {@code itemId}, or null when the cache does not know the item. */
  public synchronized ItemStatus statusOf(String itemId) {
    int entry = findAscii(itemId);
    if (entry == -2) {
      entry = find(itemId.getBytes(StandardCharsets.UTF_8));
    }
    if (entry < 0 || statuses[entry] == DELETED) {
      return null;
    }
    return STATUSES[statuses[entry]];
  }

  public Optional<ItemStatus> status(String itemId) {
    return Optional.ofNullable(statusOf(itemId));
  }

  /** Items known. */
  public synchronized int size() {
    return live;
  }

  /** Item ids refused for being empty or longer than 255 bytes. */
  public synchronized long refusedIds() {
    return refusedIds;
  }

  /** Replaces everything with {@code other}'s content (after a snapshot, reloaded from SQLite). */
  public void replaceWith(ItemStates other) {
    synchronized (other) {
      synchronized (this) {
        arena = other.arena;
        arenaUsed = other.arenaUsed;
        offsets = other.offsets;
        statuses = other.statuses;
        entries = other.entries;
        live = other.live;
        slots = other.slots;
        refusedIds = other.refusedIds;
      }
    }
  }

  private int append(byte[] id, ItemStatus status) {
    if (entries == offsets.length) {
      int grown = entries + (entries >> 1) + 16;
      offsets = Arrays.copyOf(offsets, grown);
      statuses = Arrays.copyOf(statuses, grown);
    }
    if (arenaUsed + 1 + id.length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length + (arena.length >> 1), arenaUsed + 512));
    }
    int offset = arenaUsed;
    arena[offset] = (byte) id.length;
    System.arraycopy(id, 0, arena, offset + 1, id.length);
    arenaUsed += 1 + id.length;
    offsets[entries] = offset;
    statuses[entries] = (byte) status.ordinal();
    live++;
    return entries++;
  }

  private void rehash(int size) {
    int[] fresh = new int[size];
    int mask = size - 1;
    for (int e = 0; e < entries; e++) {
      int off = offsets[e];
      int h = hash(arena, off + 1, arena[off] & 0xFF);
      int i = h & mask;
      while (fresh[i] != 0) {
        i = (i + 1) & mask;
      }
      fresh[i] = e + 1;
    }
    slots = fresh;
  }

  private int find(byte[] id) {
    int mask = slots.length - 1;
    for (int i = hash(id, 0, id.length) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if (sameId(slot - 1, id)) {
        return slot - 1;
      }
    }
  }

  /** Like {@link #find} without encoding an ASCII id; -2 when the id is not ASCII. */
  private int findAscii(String id) {
    int n = id.length();
    if (n == 0 || n > MAX_ID_BYTES) {
      return -1;
    }
    int h = 0x811C9DC5;
    for (int k = 0; k < n; k++) {
      char c = id.charAt(k);
      if (c > 0x7F) {
        return -2;
      }
      h = (h ^ c) * 0x01000193;
    }
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      int slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      int off = offsets[slot - 1];
      if ((arena[off] & 0xFF) == n && asciiEquals(off + 1, id)) {
        return slot - 1;
      }
    }
  }

  private boolean asciiEquals(int at, String id) {
    for (int k = 0; k < id.length(); k++) {
      if (arena[at + k] != (byte) id.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private boolean sameId(int entry, byte[] id) {
    int off = offsets[entry];
    return (arena[off] & 0xFF) == id.length
        && Arrays.equals(arena, off + 1, off + 1 + id.length, id, 0, id.length);
  }

  /** FNV-1a over the id's bytes, spread so that linear probing stays short. */
  private static int hash(byte[] b, int off, int len) {
    int h = 0x811C9DC5;
    for (int k = off; k < off + len; k++) {
      h = (h ^ (b[k] & 0xFF)) * 0x01000193;
    }
    return spread(h);
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }
}
