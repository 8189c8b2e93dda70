package org.shiori.rfid.security;

import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.reader.VerifiedWrites;
import org.shiori.rfid.tag.TagUid;

/**
 * Secures and releases items the way the site's {@link SecurityMode} says, verifying each write.
 */
public final class TagSecurity {
  private final TagReader reader;
  private final SecurityMode mode;
  private final VerifiedWrites writes;

  public TagSecurity(TagReader reader, SecurityMode mode) {
    this(reader, mode, new VerifiedWrites(reader));
  }

  public TagSecurity(TagReader reader, SecurityMode mode, VerifiedWrites writes) {
    this.reader = reader;
    this.mode = mode;
    this.writes = writes;
  }

  public SecurityMode mode() {
    return mode;
  }

  /** Marks the item as in the library: the gate alarms if it leaves. */
  public void secure(TagUid uid) throws ReaderException {
    set(uid, true);
  }

  /** Marks the item as on loan: it may pass the gate. */
  public void release(TagUid uid) throws ReaderException {
    set(uid, false);
  }

  private void set(TagUid uid, boolean secured) throws ReaderException {
    if (mode.method() == SecurityMode.Method.AFI) {
      writes.writeAfi(uid, secured ? mode.securedAfi() : mode.releasedAfi());
    } else {
      writes.setEas(uid, secured);
    }
  }

  public boolean isSecured(TagUid uid) throws ReaderException {
    if (mode.method() == SecurityMode.Method.AFI) {
      return reader.readAfi(uid) == mode.securedAfi();
    }
    return reader.easAlarm(uid);
  }
}
