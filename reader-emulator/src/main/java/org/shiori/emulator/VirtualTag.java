package org.shiori.emulator;

import java.util.Arrays;
import org.shiori.rfid.tag.TagUid;

/** An ISO 15693 tag held by an emulator: memory blocks, AFI, DSFID, NXP EAS bit, lock flags. */
public final class VirtualTag {
  /** Outcome of a write to the tag. */
  public enum WriteResult {
    OK,
    OUT_OF_RANGE,
    LOCKED
  }

  private final TagUid uid;
  private final int blockSize;
  private final byte[][] blocks;
  private final boolean[] lockedBlocks;
  private int afi;
  private int dsfid;
  private boolean eas;
  private boolean afiLocked;
  private boolean dsfidLocked;
  private final int icReference;

  public VirtualTag(TagUid uid, int blockSize, int blockCount) {
    this(uid, blockSize, blockCount, 0x01);
  }

  public VirtualTag(TagUid uid, int blockSize, int blockCount, int icReference) {
    if (blockSize < 1 || blockSize > 32 || blockCount < 1 || blockCount > 256) {
      throw new IllegalArgumentException("block size 1..32 and count 1..256 required");
    }
    this.uid = uid;
    this.blockSize = blockSize;
    this.blocks = new byte[blockCount][blockSize];
    this.lockedBlocks = new boolean[blockCount];
    this.icReference = icReference;
  }

  /** An NXP ICODE SLIX: 28 blocks of 4 bytes. */
  public static VirtualTag slix(TagUid uid) {
    return new VirtualTag(uid, 4, 28);
  }

  /** A SLIX whose user memory starts with {@code memory} (zero padded). */
  public static VirtualTag slix(TagUid uid, byte[] memory) {
    VirtualTag t = slix(uid);
    byte[] padded = Arrays.copyOf(memory, ((memory.length + 3) / 4) * 4);
    t.write(0, padded);
    return t;
  }

  public TagUid uid() {
    return uid;
  }

  public int blockSize() {
    return blockSize;
  }

  public int blockCount() {
    return blocks.length;
  }

  public int icReference() {
    return icReference;
  }

  /** Blocks in memory order, or null when the range is outside the tag. */
  public synchronized byte[] read(int first, int count) {
    if (first < 0 || count < 1 || first + count > blocks.length) {
      return null;
    }
    byte[] out = new byte[count * blockSize];
    for (int i = 0; i < count; i++) {
      System.arraycopy(blocks[first + i], 0, out, i * blockSize, blockSize);
    }
    return out;
  }

  /** Index of the first locked block in the range, or -1. */
  public synchronized int firstLocked(int first, int count) {
    for (int i = first; i < first + count && i < blocks.length; i++) {
      if (lockedBlocks[i]) {
        return i;
      }
    }
    return -1;
  }

  public synchronized WriteResult write(int first, byte[] data) {
    if (data.length % blockSize != 0) {
      return WriteResult.OUT_OF_RANGE;
    }
    int count = data.length / blockSize;
    if (first < 0 || count < 1 || first + count > blocks.length) {
      return WriteResult.OUT_OF_RANGE;
    }
    if (firstLocked(first, count) >= 0) {
      return WriteResult.LOCKED;
    }
    for (int i = 0; i < count; i++) {
      System.arraycopy(data, i * blockSize, blocks[first + i], 0, blockSize);
    }
    return WriteResult.OK;
  }

  public synchronized void lockBlock(int block) {
    lockedBlocks[block] = true;
  }

  public synchronized boolean isBlockLocked(int block) {
    return lockedBlocks[block];
  }

  public synchronized int afi() {
    return afi;
  }

  public synchronized WriteResult setAfi(int value) {
    if (afiLocked) {
      return WriteResult.LOCKED;
    }
    afi = value & 0xFF;
    return WriteResult.OK;
  }

  public synchronized WriteResult lockAfi() {
    if (afiLocked) {
      return WriteResult.LOCKED;
    }
    afiLocked = true;
    return WriteResult.OK;
  }

  public synchronized boolean afiLocked() {
    return afiLocked;
  }

  public synchronized int dsfid() {
    return dsfid;
  }

  public synchronized WriteResult setDsfid(int value) {
    if (dsfidLocked) {
      return WriteResult.LOCKED;
    }
    dsfid = value & 0xFF;
    return WriteResult.OK;
  }

  public synchronized void lockDsfid() {
    dsfidLocked = true;
  }

  public synchronized boolean eas() {
    return eas;
  }

  public synchronized void setEas(boolean on) {
    eas = on;
  }

  /** Whole user memory. */
  public byte[] memory() {
    return read(0, blocks.length);
  }

  @Override
  public String toString() {
    return "VirtualTag[" + uid.hex() + "]";
  }
}
