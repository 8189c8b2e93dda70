package org.shiori.emulator;

import java.util.List;
import java.util.Optional;
import org.shiori.rfid.iso15693.Iso15693Error;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;

/** Answers ISO 15693 air requests the way the tags in a {@link TagField} would. */
public final class Iso15693TagResponder {
  private final TagField field;

  public Iso15693TagResponder(TagField field) {
    this.field = field;
  }

  /** The response, or empty when no tag answers (no tag, or a silent EAS alarm). */
  public Optional<Iso15693Response> respond(Iso15693Request r) {
    if (r.command() == Iso15693Request.INVENTORY) {
      return inventory(r);
    }
    if (!r.isAddressed()) {
      List<VirtualTag> tags = field.tags();
      return tags.size() == 1 ? addressed(r, tags.get(0)) : Optional.empty();
    }
    return field.find(r.uid()).flatMap(t -> addressed(r, t));
  }

  private Optional<Iso15693Response> inventory(Iso15693Request r) {
    List<VirtualTag> tags = inventoryMatches(r);
    return tags.isEmpty() ? Optional.empty() : Optional.of(inventoryReply(tags.get(0)));
  }

  /** The inventory answer of one tag: DSFID and UID (LSB first). */
  public static Iso15693Response inventoryReply(VirtualTag t) {
    byte[] d = new byte[9];
    d[0] = (byte) t.dsfid();
    System.arraycopy(t.uid().lsbFirst(), 0, d, 1, 8);
    return Iso15693Response.ok(d);
  }

  /** Tags that answer an inventory request: AFI (when present) and UID mask must match. */
  public List<VirtualTag> inventoryMatches(Iso15693Request r) {
    byte[] p = r.params();
    boolean afiFilter = (r.flags() & Iso15693Request.FLAG_AFI) != 0;
    int head = afiFilter ? 1 : 0;
    if (p.length < head + 1) {
      return List.of();
    }
    int maskLength = p[head] & 0xFF;
    if (maskLength > 64 || p.length < head + 1 + (maskLength + 7) / 8) {
      return List.of();
    }
    long mask = 0;
    for (int i = 0; i < (maskLength + 7) / 8; i++) {
      mask |= (p[head + 1 + i] & 0xFFL) << (8 * i);
    }
    long bits = maskLength == 64 ? -1L : (1L << maskLength) - 1;
    List<VirtualTag> out = new java.util.ArrayList<>();
    for (VirtualTag t : field.tags()) {
      boolean afiOk = !afiFilter || t.afi() == (p[0] & 0xFF);
      if (afiOk && ((t.uid().value() ^ mask) & bits) == 0) {
        out.add(t);
      }
    }
    return out;
  }

  private static Optional<Iso15693Response> addressed(Iso15693Request r, VirtualTag t) {
    byte[] p = r.params();
    switch (r.command()) {
      case Iso15693Request.READ_SINGLE:
        return read(t, p.length > 0 ? p[0] & 0xFF : -1, 1);
      case Iso15693Request.READ_MULTIPLE:
        return p.length < 2
            ? error(Iso15693Error.NOT_RECOGNISED)
            : read(t, p[0] & 0xFF, (p[1] & 0xFF) + 1);
      case Iso15693Request.WRITE_SINGLE:
        return p.length != 1 + t.blockSize()
            ? error(Iso15693Error.NOT_RECOGNISED)
            : write(t.write(p[0] & 0xFF, java.util.Arrays.copyOfRange(p, 1, p.length)));
      case Iso15693Request.WRITE_AFI:
        return p.length != 1 ? error(Iso15693Error.NOT_RECOGNISED) : write(t.setAfi(p[0] & 0xFF));
      case Iso15693Request.GET_SYSTEM_INFO:
        return Optional.of(Iso15693Response.ok(systemInfo(t)));
      case Iso15693Request.NXP_SET_EAS:
        t.setEas(true);
        return Optional.of(Iso15693Response.ok(new byte[0]));
      case Iso15693Request.NXP_RESET_EAS:
        t.setEas(false);
        return Optional.of(Iso15693Response.ok(new byte[0]));
      case Iso15693Request.NXP_EAS_ALARM:
        return t.eas() ? Optional.of(Iso15693Response.ok(new byte[32])) : Optional.empty();
      default:
        return error(Iso15693Error.NOT_SUPPORTED);
    }
  }

  private static Optional<Iso15693Response> read(VirtualTag t, int first, int count) {
    byte[] d = first < 0 ? null : t.read(first, count);
    return d == null ? error(Iso15693Error.BLOCK_UNAVAILABLE) : Optional.of(Iso15693Response.ok(d));
  }

  private static Optional<Iso15693Response> write(VirtualTag.WriteResult r) {
    switch (r) {
      case OK:
        return Optional.of(Iso15693Response.ok(new byte[0]));
      case LOCKED:
        return error(Iso15693Error.LOCKED);
      default:
        return error(Iso15693Error.BLOCK_UNAVAILABLE);
    }
  }

  private static Optional<Iso15693Response> error(int code) {
    return Optional.of(Iso15693Response.error(code));
  }

  /** infoflags 0F, UID LSB first, DSFID, AFI, blocks-1, size-1, IC reference. */
  private static byte[] systemInfo(VirtualTag t) {
    byte[] d = new byte[14];
    d[0] = 0x0F;
    System.arraycopy(t.uid().lsbFirst(), 0, d, 1, 8);
    d[9] = (byte) t.dsfid();
    d[10] = (byte) t.afi();
    d[11] = (byte) (t.blockCount() - 1);
    d[12] = (byte) (t.blockSize() - 1);
    d[13] = (byte) t.icReference();
    return d;
  }
}
