package org.shiori.rfid.reader;

import java.io.ByteArrayOutputStream;
import org.shiori.rfid.tag.TagUid;

/**
 * A run of ISO 15693 blocks (numbers 0..255) read in chunks, because one reader command carries
 * only so many blocks.
 */
public final class BlockRuns {
  /** Reads {@code count} blocks from {@code firstBlock} with one reader command. */
  @FunctionalInterface
  public interface ChunkRead {
    byte[] read(int firstBlock, int count) throws ReaderException;
  }

  private BlockRuns() {}

  /**
   * @throws IllegalArgumentException when the run is empty or leaves block numbers 0..255
   */
  public static void checkRange(int firstBlock, int count) {
    if (firstBlock < 0 || count < 1 || firstBlock + count > 256) {
      throw new IllegalArgumentException("blocks " + firstBlock + "+" + count + " outside 0..255");
    }
  }

  /**
   * How many blocks {@code data} fills on a tag with {@code size}-byte blocks.
   *
   * @throws ProtocolException when the data is empty or ends inside a block
   */
  public static int wholeBlocks(TagUid uid, int size, byte[] data) throws ProtocolException {
    if (data.length == 0 || data.length % size != 0) {
      throw new ProtocolException(
          "tag " + uid + " has " + size + "-byte blocks; " + data.length + " bytes do not fit");
    }
    return data.length / size;
  }

  /** The bytes of the whole run, chunk after chunk, at most {@code perCommand} blocks a chunk. */
  public static byte[] read(int firstBlock, int count, int perCommand, ChunkRead chunkRead)
      throws ReaderException {
    checkRange(firstBlock, count);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int done = 0; done < count; done += perCommand) {
      int n = Math.min(perCommand, count - done);
      byte[] chunk = chunkRead.read(firstBlock + done, n);
      out.write(chunk, 0, chunk.length);
    }
    return out.toByteArray();
  }
}
