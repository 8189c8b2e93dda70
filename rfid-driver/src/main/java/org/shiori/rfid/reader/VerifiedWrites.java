package org.shiori.rfid.reader;

import java.util.Arrays;
import org.shiori.rfid.tag.TagUid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Field practice for writes (Biblio::RFID and vendor notes): a tag at the edge of the field often
 * answers "no transponder" or half-writes, so every write is retried on transient errors and read
 * back until it sticks.
 */
public final class VerifiedWrites {
  private static final Logger LOG = LoggerFactory.getLogger(VerifiedWrites.class);
  public static final int DEFAULT_ATTEMPTS = 4;

  private final TagReader reader;
  private final int attempts;

  public VerifiedWrites(TagReader reader) {
    this(reader, DEFAULT_ATTEMPTS);
  }

  public VerifiedWrites(TagReader reader, int attempts) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.reader = reader;
    this.attempts = attempts;
  }

  /** An operation against the tag that may fail transiently. */
  private interface TagStep {
    void run() throws ReaderException;
  }

  /** A read-back check. */
  private interface Check {
    boolean holds() throws ReaderException;
  }

  private void retry(String what, TagUid uid, TagStep write, Check check) throws ReaderException {
    ReaderException last = null;
    for (int i = 1; i <= attempts; i++) {
      try {
        write.run();
        if (check.holds()) {
          return;
        }
        last = new RfException(what + " on " + uid + " did not read back");
      } catch (NoTagException | RfException | ReaderTimeoutException e) {
        last = e;
      }
      LOG.debug("{} on {} attempt {}/{} failed: {}", what, uid, i, attempts, last.getMessage());
    }
    throw last;
  }

  public void writeAfi(TagUid uid, int afi) throws ReaderException {
    retry("write AFI", uid, () -> reader.writeAfi(uid, afi), () -> reader.readAfi(uid) == afi);
  }

  public void setEas(TagUid uid, boolean on) throws ReaderException {
    retry("set EAS", uid, () -> reader.setEas(uid, on), () -> reader.easAlarm(uid) == on);
  }

  public void writeBlocks(TagUid uid, int firstBlock, byte[] data) throws ReaderException {
    int size = reader.defaultBlockSize();
    int blocks = (data.length + size - 1) / size;
    retry(
        "write blocks",
        uid,
        () -> reader.writeBlocks(uid, firstBlock, data),
        // Tags with larger blocks return more than was written: compare the written prefix.
        () -> {
          byte[] back = reader.readBlocks(uid, firstBlock, blocks);
          return back.length >= data.length
              && Arrays.equals(Arrays.copyOf(back, data.length), data);
        });
  }
}
