package org.shiori.rfid.reader;

import java.util.List;
import java.util.OptionalInt;
import org.shiori.rfid.tag.TagUid;

/** ISO 15693 operations a library kiosk or gate needs, independent of the reader make. */
public interface TagReader extends AutoCloseable {
  /** Tags in the field, optionally only those whose AFI equals {@code afi}. */
  List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException;

  /** Reads {@code count} blocks from {@code firstBlock}, returned in tag memory order. */
  byte[] readBlocks(TagUid uid, int firstBlock, int count) throws ReaderException;

  /** Writes whole blocks; {@code data.length} must be a multiple of the tag's block size. */
  void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException;

  int readAfi(TagUid uid) throws ReaderException;

  void writeAfi(TagUid uid, int afi) throws ReaderException;

  /** Sets or resets the NXP EAS bit. */
  void setEas(TagUid uid, boolean on) throws ReaderException;

  /** True when the tag answers the NXP EAS alarm (its EAS bit is set). */
  boolean easAlarm(TagUid uid) throws ReaderException;

  SystemInfo systemInfo(TagUid uid) throws ReaderException;

  ReaderInfo info() throws ReaderException;

  /** Block size used when the tag does not tell (NXP ICODE SLIX: 4 bytes). */
  default int defaultBlockSize() {
    return 4;
  }

  @Override
  void close();
}
