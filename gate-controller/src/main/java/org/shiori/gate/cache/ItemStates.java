package org.shiori.gate.cache;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.shiori.circulation.domain.ItemStatus;
import org.shiori.device.store.ItemStatusScan;

/**
 * Every cached item's circulation status in memory, so the gate decides a tag without touching the
 * disk. Two open-addressing hash tables of primitive {@code long} slots:
 *
 * <ul>
 *   <li>Numeric ids (1 to 17 decimal digits, no leading zero: most libraries' barcodes) are parsed
 *       to a {@code long}, and each slot holds that number and the status together, so a lookup
 *       reads one slot and nothing else: no string, no byte comparison, one cache line.
 *   <li>Every other id lives in one byte arena (length-prefixed UTF-8); each slot holds the id's
 *       arena offset, 24 bits of its hash and its status, so a lookup touches one slot and one run
 *       of arena bytes.
 * </ul>
 *
 * A million 13-digit ids take about 17 MB (docs/gate.md). Loaded from the SQLite item cache at
 * start, kept current by sync. Thread-safe: sync writes, the reader's I/O thread looks up.
 */
public final class ItemStates implements ItemStatusScan {
  private static final int DELETED = 0xFF;
  private static final ItemStatus[] STATUSES = ItemStatus.values();
  private static final int MAX_ID_BYTES = 255;

  /** Numeric slots: (number + 1) above, status in the low six bits; 0 is an empty slot. */
  private static final int NUMERIC_DIGITS = 17;

  private static final int STATUS_BITS = 6;
  private static final long STATUS_MASK = (1L << STATUS_BITS) - 1;
  private static final int NUMERIC_DELETED = (int) STATUS_MASK;
  private static final long NOT_NUMERIC = -1;

  private long[] numeric;
  private int numericEntries;

  private byte[] arena;
  private int arenaUsed;
  private long[] slots;
  private int entries;
  private int live;
  private long refusedIds;

  public ItemStates() {
    this(1024);
  }

  /**
   * @param expectedItems how many items to make room for at once
   */
  public ItemStates(int expectedItems) {
    int capacity = Math.max(16, expectedItems);
    arena = new byte[256];
    slots = new long[16];
    numeric = new long[Integer.highestOneBit(capacity * 2 - 1) << 1];
  }

  /**
   * The id as a number when it is 1 to 17 digits without a leading zero, else {@link #NOT_NUMERIC}.
   */
  private static long numberOf(String id) {
    int n = id.length();
    if (n == 0 || n > NUMERIC_DIGITS || (n > 1 && id.charAt(0) == '0')) {
      return NOT_NUMERIC;
    }
    long v = 0;
    for (int k = 0; k < n; k++) {
      int d = id.charAt(k) - '0';
      if (d < 0 || d > 9) {
        return NOT_NUMERIC;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Murmur3's 64-bit finaliser: consecutive barcodes must not crowd linear probing. */
  private static int numericHash(long v) {
    v ^= v >>> 33;
    v *= 0xFF51AFD7ED558CCDL;
    v ^= v >>> 33;
    v *= 0xC4CEB9FE1A85EC53L;
    v ^= v >>> 33;
    return (int) v;
  }

  /** Index of number {@code v}'s slot, or of the empty slot where it would go (~index - 1). */
  private int numericIndex(long v) {
    long key = v + 1;
    int mask = numeric.length - 1;
    for (int i = numericHash(v) & mask; ; i = (i + 1) & mask) {
      long s = numeric[i];
      if (s == 0) {
        return -i - 1;
      }
      if ((s >>> STATUS_BITS) == key) {
        return i;
      }
    }
  }

  private void putNumeric(long v, int status) {
    int i = numericIndex(v);
    if (i >= 0) {
      if ((numeric[i] & STATUS_MASK) == NUMERIC_DELETED) {
        live++;
      }
      numeric[i] = ((v + 1) << STATUS_BITS) | status;
      return;
    }
    numeric[-i - 1] = ((v + 1) << STATUS_BITS) | status;
    numericEntries++;
    live++;
    if (numericEntries * 2 > numeric.length) {
      long[] old = numeric;
      numeric = new long[old.length * 2];
      int mask = numeric.length - 1;
      for (long s : old) {
        if (s != 0) {
          int j = numericHash((s >>> STATUS_BITS) - 1) & mask;
          while (numeric[j] != 0) {
            j = (j + 1) & mask;
          }
          numeric[j] = s;
        }
      }
    }
  }

  private static long slot(int offset, int hash, int status) {
    return ((long) (offset + 1) << 32) | ((long) (hash & 0xFFFFFF) << 8) | status;
  }

  private static int offsetOf(long slot) {
    return (int) (slot >>> 32) - 1;
  }

  private static boolean sameHash(long slot, int hash) {
    return ((slot >>> 8) & 0xFFFFFF) == (hash & 0xFFFFFF);
  }

  /** Sets {@code itemId}'s status (a sync upsert or the start-up load). */
  @Override
  public synchronized void item(String itemId, ItemStatus status) {
    long number = numberOf(itemId);
    if (number != NOT_NUMERIC) {
      putNumeric(number, status.ordinal());
      return;
    }
    byte[] id = itemId.getBytes(StandardCharsets.UTF_8);
    if (id.length == 0 || id.length > MAX_ID_BYTES) {
      refusedIds++; // no tag can carry it; counted, not stored
      return;
    }
    int hash = spread(itemId.hashCode());
    int mask = slots.length - 1;
    for (int i = (hash >>> 8) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        slots[i] = slot(append(id), hash, status.ordinal());
        entries++;
        live++;
        if (entries * 2 > slots.length) {
          rehash(slots.length * 2);
        }
        return;
      }
      if (sameHash(s, hash) && sameId(offsetOf(s), id)) {
        if ((s & 0xFF) == DELETED) {
          live++;
        }
        slots[i] = (s & ~0xFFL) | status.ordinal();
        return;
      }
    }
  }

  /** Forgets {@code itemId} (a sync delete). */
  public synchronized void remove(String itemId) {
    long number = numberOf(itemId);
    if (number != NOT_NUMERIC) {
      int i = numericIndex(number);
      if (i >= 0 && (numeric[i] & STATUS_MASK) != NUMERIC_DELETED) {
        numeric[i] |= NUMERIC_DELETED;
        live--;
      }
      return;
    }
    byte[] id = itemId.getBytes(StandardCharsets.UTF_8);
    int i = find(id, spread(itemId.hashCode()));
    if (i >= 0 && (slots[i] & 0xFF) != DELETED) {
      slots[i] |= DELETED;
      live--;
    }
  }

  /** The status of {@code itemId}, or null when the cache does not know the item. */
  public synchronized ItemStatus statusOf(String itemId) {
    long number = numberOf(itemId);
    if (number != NOT_NUMERIC) {
      int i = numericIndex(number);
      if (i < 0) {
        return null;
      }
      int status = (int) (numeric[i] & STATUS_MASK);
      return status == NUMERIC_DELETED ? null : STATUSES[status];
    }
    int hash = spread(itemId.hashCode());
    int i = findAscii(itemId, hash);
    if (i == -2 || (i == -1 && !isAscii(itemId))) {
      i = find(itemId.getBytes(StandardCharsets.UTF_8), hash);
    }
    if (i < 0) {
      return null;
    }
    int status = (int) (slots[i] & 0xFF);
    return status == DELETED ? null : STATUSES[status];
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
        slots = other.slots;
        numeric = other.numeric;
        numericEntries = other.numericEntries;
        entries = other.entries;
        live = other.live;
        refusedIds = other.refusedIds;
      }
    }
  }

  private int append(byte[] id) {
    if (arenaUsed + 1 + id.length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length + (arena.length >> 1), arenaUsed + 512));
    }
    int offset = arenaUsed;
    arena[offset] = (byte) id.length;
    System.arraycopy(id, 0, arena, offset + 1, id.length);
    arenaUsed += 1 + id.length;
    return offset;
  }

  private void rehash(int size) {
    long[] fresh = new long[size];
    int mask = size - 1;
    for (long s : slots) {
      if (s == 0) {
        continue;
      }
      int off = offsetOf(s);
      int h = spread(stringHash(off + 1, arena[off] & 0xFF));
      int i = (h >>> 8) & mask;
      while (fresh[i] != 0) {
        i = (i + 1) & mask;
      }
      fresh[i] = s;
    }
    slots = fresh;
  }

  private int find(byte[] id, int hash) {
    if (id.length == 0 || id.length > MAX_ID_BYTES) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int i = (hash >>> 8) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if (sameHash(s, hash) && sameId(offsetOf(s), id)) {
        return i;
      }
    }
  }

  /** Like {@link #find} without encoding an ASCII id; -2 when the id is not ASCII. */
  private int findAscii(String id, int h) {
    int n = id.length();
    if (n == 0 || n > MAX_ID_BYTES) {
      return -1;
    }
    int mask = slots.length - 1;
    for (int i = (h >>> 8) & mask; ; i = (i + 1) & mask) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if (sameHash(s, h)) {
        int off = offsetOf(s);
        int match = asciiMatch(off, id);
        if (match != 0) {
          return match > 0 ? i : -2;
        }
      }
    }
  }

  /**
   * 1 when the arena id at {@code off} is {@code id}, 0 when not, -2 when {@code id} is not ASCII.
   */
  private int asciiMatch(int off, String id) {
    int n = id.length();
    if ((arena[off] & 0xFF) != n) {
      return 0;
    }
    for (int k = 0; k < n; k++) {
      char c = id.charAt(k);
      if (c > 0x7F) {
        return -2;
      }
      if (arena[off + 1 + k] != (byte) c) {
        return 0;
      }
    }
    return 1;
  }

  private static boolean isAscii(String id) {
    for (int k = 0; k < id.length(); k++) {
      if (id.charAt(k) > 0x7F) {
        return false;
      }
    }
    return true;
  }

  private boolean sameId(int off, byte[] id) {
    return (arena[off] & 0xFF) == id.length
        && Arrays.equals(arena, off + 1, off + 1 + id.length, id, 0, id.length);
  }

  /**
   * {@link String#hashCode} of the id stored at {@code off}, without making the String if ASCII.
   */
  private int stringHash(int off, int len) {
    int h = 0;
    for (int k = off; k < off + len; k++) {
      if (arena[k] < 0) {
        return new String(arena, off, len, StandardCharsets.UTF_8).hashCode();
      }
      h = 31 * h + arena[k];
    }
    return h;
  }

  /**
   * MurmurHash3's finaliser over {@link String#hashCode} (which a String caches): the raw hash of
   * ids that differ only in their last digits is nearly sequential and would crowd linear probing.
   * The low 24 bits are kept in the slot; the bits above pick the slot.
   */
  private static int spread(int h) {
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
