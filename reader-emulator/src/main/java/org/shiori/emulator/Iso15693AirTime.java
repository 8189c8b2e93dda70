package org.shiori.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.tag.TagUid;

/**
 * Air time of ISO/IEC 15693-3 exchanges between a reader's RF front end and its tags, from the
 * standard's figures (docs/rfid.md, "Timing model"): reader to tag in 1-out-of-4 coding (26.48
 * kbit/s, 302.08 µs a byte), tag to reader at the high data rate with one subcarrier (26.69 kbit/s,
 * 302.08 µs a byte), tag response delay t1 = 4352/fc, reader wait before the next request t2 =
 * 4192/fc, empty-slot wait t3 = t1 max + tag SOF. Writes add the tag's programming time, which the
 * standard only bounds (20 ms): it is a parameter.
 */
public final class Iso15693AirTime {
  /** The carrier, 13.56 MHz. */
  private static final double FC = 13.56e6;

  static final long BYTE_NANOS = Math.round(4096 / FC * 1e9);
  static final long READER_SOF_NANOS = Math.round(1024 / FC * 1e9);
  static final long READER_EOF_NANOS = Math.round(512 / FC * 1e9);
  static final long TAG_SOF_NANOS = Math.round(2048 / FC * 1e9);
  static final long TAG_EOF_NANOS = Math.round(2048 / FC * 1e9);
  static final long T1_NANOS = Math.round(4352 / FC * 1e9);
  static final long T1_MAX_NANOS = Math.round(4384 / FC * 1e9);
  static final long T2_NANOS = Math.round(4192 / FC * 1e9);
  static final long T3_NANOS = T1_MAX_NANOS + TAG_SOF_NANOS;

  /** Inventory reply: flags, DSFID, UID, CRC. */
  private static final int INVENTORY_REPLY_BYTES = 1 + 1 + 8 + 2;

  /** Addressed request header: flags, command, UID; CRC added separately. */
  private static final int ADDRESSED_HEADER = 1 + 1 + 8;

  private static final int CRC = 2;

  private final Duration programmingTime;

  /**
   * @param programmingTime how long a tag takes to write its EEPROM before it answers (the standard
   *     allows up to 20 ms)
   */
  public Iso15693AirTime(Duration programmingTime) {
    if (programmingTime.isNegative()) {
      throw new IllegalArgumentException("programming time must not be negative");
    }
    this.programmingTime = programmingTime;
  }

  /** The standard's upper bound for the programming time. */
  public static Iso15693AirTime withStandardWriteBound() {
    return new Iso15693AirTime(Duration.ofMillis(20));
  }

  static long request(int bytesWithCrc) {
    return READER_SOF_NANOS + bytesWithCrc * BYTE_NANOS + READER_EOF_NANOS;
  }

  static long response(int bytesWithCrc) {
    return TAG_SOF_NANOS + bytesWithCrc * BYTE_NANOS + TAG_EOF_NANOS;
  }

  /** Request, t1, response, t2: one addressed command that a tag answers at once. */
  static long exchange(int requestBytes, int responseBytes) {
    return request(requestBytes) + T1_NANOS + response(responseBytes) + T2_NANOS;
  }

  /**
   * A 16-slot inventory with anticollision: each slot holding one tag gives its UID, a slot holding
   * more collides and is searched again with the mask extended by that slot's four bits, as a
   * reader does until every tag is known.
   *
   * @param afiFiltered whether the request carries an AFI (one byte more)
   */
  public Duration inventory(List<TagUid> answering, boolean afiFiltered) {
    return Duration.ofNanos(inventoryNanos(answering, afiFiltered, 0));
  }

  private static long inventoryNanos(List<TagUid> tags, boolean afi, int maskBits) {
    long nanos = roundNanos(tags, afi, maskBits);
    for (List<TagUid> group : collided(tags, maskBits)) {
      nanos += inventoryNanos(group, afi, maskBits + 4);
    }
    return nanos;
  }

  /** One 16-slot round: what a front end that leaves anticollision to its host spends a request. */
  private static long roundNanos(List<TagUid> tags, boolean afi, int maskBits) {
    int requestBytes = 1 + 1 + (afi ? 1 : 0) + 1 + (maskBits + 7) / 8 + CRC;
    long nanos = request(requestBytes);
    Map<Integer, List<TagUid>> slots = slotsOf(tags, maskBits);
    for (int slot = 0; slot < 16; slot++) {
      List<TagUid> inSlot = slots.getOrDefault(slot, List.of());
      if (slot > 0) {
        nanos += READER_EOF_NANOS;
      }
      if (inSlot.isEmpty()) {
        nanos += T3_NANOS;
      } else {
        nanos += T1_NANOS + response(INVENTORY_REPLY_BYTES) + T2_NANOS;
      }
    }
    return nanos;
  }

  /** The slots of a round in which more than one tag answered, to be searched again. */
  private static List<List<TagUid>> collided(List<TagUid> tags, int maskBits) {
    List<List<TagUid>> collided = new ArrayList<>();
    for (List<TagUid> inSlot : slotsOf(tags, maskBits).values()) {
      if (inSlot.size() > 1 && maskBits < 60) {
        collided.add(inSlot);
      }
    }
    return collided;
  }

  /** The tags by the slot they answer in: the four UID bits after the mask. */
  private static Map<Integer, List<TagUid>> slotsOf(List<TagUid> tags, int maskBits) {
    Map<Integer, List<TagUid>> slots = new HashMap<>();
    for (TagUid uid : tags) {
      slots.computeIfAbsent(nibble(uid, maskBits), k -> new ArrayList<>()).add(uid);
    }
    return slots;
  }

  /** The four UID bits after the first {@code maskBits} (least significant first, as on air). */
  private static int nibble(TagUid uid, int maskBits) {
    byte[] lsbFirst = uid.lsbFirst();
    int b = lsbFirst[maskBits / 8] & 0xFF;
    return (maskBits % 8 == 0) ? b & 0x0F : (b >>> 4) & 0x0F;
  }

  /** Read multiple blocks with the block security status (option flag). */
  public Duration readBlocks(int blocks, int blockSize) {
    return Duration.ofNanos(
        exchange(ADDRESSED_HEADER + 2 + CRC, 1 + blocks * (1 + blockSize) + CRC));
  }

  /** Write single block, once per block: the reader writes a run block by block. */
  public Duration writeBlocks(int blocks, int blockSize) {
    return Duration.ofNanos(blocks * write(ADDRESSED_HEADER + 1 + blockSize + CRC));
  }

  /** Write AFI, lock AFI and the NXP EAS set/reset commands: a write with no data returned. */
  public Duration writeWithoutData(int parameterBytes) {
    return Duration.ofNanos(write(ADDRESSED_HEADER + parameterBytes + CRC));
  }

  private long write(int requestBytes) {
    return request(requestBytes)
        + T1_NANOS
        + programmingTime.toNanos()
        + response(1 + CRC)
        + T2_NANOS;
  }

  /**
   * One raw ISO 15693 request as a front end without its own protocol logic (CR95HF, the 3M's pass
   * through) puts it on air: a single inventory round (16 slots, or 1 with the one-slot flag) with
   * the host doing any further anticollision, or one addressed command.
   *
   * @param answering the tags in the field that match the request (AFI and mask for an inventory,
   *     the addressed tag otherwise)
   * @param blockSize the addressed tag's block size
   */
  public Duration rawRequest(Iso15693Request r, List<TagUid> answering, int blockSize) {
    int requestBytes = r.encode(true).length;
    byte[] p = r.params();
    if (r.command() == Iso15693Request.INVENTORY
        && (r.flags() & Iso15693Request.FLAG_ONE_SLOT) == 0) {
      boolean afi = (r.flags() & Iso15693Request.FLAG_AFI) != 0;
      int maskBits = p.length > (afi ? 1 : 0) ? p[afi ? 1 : 0] & 0xFF : 0;
      return Duration.ofNanos(roundNanos(answering, afi, maskBits));
    }
    if (answering.isEmpty()) {
      return Duration.ofNanos(
          request(requestBytes) + T3_NANOS); // no tag answers: the reader times out
    }
    switch (r.command()) {
      case Iso15693Request.INVENTORY:
        return Duration.ofNanos(exchange(requestBytes, INVENTORY_REPLY_BYTES));
      case Iso15693Request.STAY_QUIET:
        return Duration.ofNanos(request(requestBytes) + T2_NANOS);
      case Iso15693Request.READ_SINGLE:
        return Duration.ofNanos(exchange(requestBytes, 1 + 1 + blockSize + CRC));
      case Iso15693Request.READ_MULTIPLE:
        int blocks = p.length >= 2 ? (p[1] & 0xFF) + 1 : 1;
        return Duration.ofNanos(exchange(requestBytes, 1 + blocks * (1 + blockSize) + CRC));
      case Iso15693Request.WRITE_SINGLE:
      case Iso15693Request.WRITE_MULTIPLE:
      case Iso15693Request.WRITE_AFI:
      case Iso15693Request.LOCK_AFI:
      case Iso15693Request.WRITE_DSFID:
      case Iso15693Request.NXP_SET_EAS:
      case Iso15693Request.NXP_RESET_EAS:
        return Duration.ofNanos(write(requestBytes));
      case Iso15693Request.GET_SYSTEM_INFO:
        return systemInfo();
      case Iso15693Request.NXP_EAS_ALARM:
        return easAlarm(true);
      default:
        return Duration.ofNanos(exchange(requestBytes, 1 + CRC));
    }
  }

  /** Get system information: flags, info flags, UID, DSFID, AFI, memory size, IC reference. */
  public Duration systemInfo() {
    return Duration.ofNanos(exchange(ADDRESSED_HEADER + CRC, 1 + 1 + 8 + 1 + 1 + 2 + 1 + CRC));
  }

  /** NXP EAS alarm (custom command with manufacturer code): a 32-byte EAS sequence answers. */
  public Duration easAlarm(boolean answers) {
    long req = request(ADDRESSED_HEADER + 1 + CRC);
    return Duration.ofNanos(
        answers ? req + T1_NANOS + response(1 + 32 + CRC) + T2_NANOS : req + T3_NANOS);
  }
}
