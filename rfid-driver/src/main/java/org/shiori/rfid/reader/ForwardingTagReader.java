package org.shiori.rfid.reader;

import java.util.List;
import java.util.OptionalInt;
import org.shiori.rfid.tag.TagUid;

/**
 * A reader that passes every call to another one unchanged; a subclass overrides only the calls it
 * watches or adds to (the devices' reader watch, test rigs that act between commands).
 */
public abstract class ForwardingTagReader implements TagReader {
  private final TagReader reader;

  protected ForwardingTagReader(TagReader reader) {
    this.reader = reader;
  }

  /** The reader every call goes to. */
  protected final TagReader delegate() {
    return reader;
  }

  @Override
  public List<InventoryEntry> inventory(OptionalInt afi) throws ReaderException {
    return reader.inventory(afi);
  }

  @Override
  public byte[] readBlocks(TagUid uid, int firstBlock, int count) throws ReaderException {
    return reader.readBlocks(uid, firstBlock, count);
  }

  @Override
  public void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException {
    reader.writeBlocks(uid, firstBlock, data);
  }

  @Override
  public int readAfi(TagUid uid) throws ReaderException {
    return reader.readAfi(uid);
  }

  @Override
  public void writeAfi(TagUid uid, int afi) throws ReaderException {
    reader.writeAfi(uid, afi);
  }

  @Override
  public void setEas(TagUid uid, boolean on) throws ReaderException {
    reader.setEas(uid, on);
  }

  @Override
  public boolean easAlarm(TagUid uid) throws ReaderException {
    return reader.easAlarm(uid);
  }

  @Override
  public SystemInfo systemInfo(TagUid uid) throws ReaderException {
    return reader.systemInfo(uid);
  }

  @Override
  public ReaderInfo info() throws ReaderException {
    return reader.info();
  }

  @Override
  public int defaultBlockSize() {
    return reader.defaultBlockSize();
  }

  @Override
  public void close() {
    reader.close();
  }
}
