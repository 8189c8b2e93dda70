package org.shiori.kiosk.card;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits the byte stream of a serial barcode scanner into symbols: each is sent as prefix, number,
 * suffix. A line without the prefix, or longer than any card, is a misread (empty).
 */
final class ScannedLines {
  static final int MAX_LINE = 128;

  private final String prefix;
  private final String suffix;
  private final StringBuilder pending = new StringBuilder();
  private boolean overflow;

  ScannedLines(String prefix, String suffix) {
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** Feeds bytes; returns each finished line, empty for a misread. */
  List<Optional<String>> feed(byte[] data, int length) {
    List<Optional<String>> lines = new ArrayList<>();
    pending.append(new String(data, 0, length, StandardCharsets.ISO_8859_1));
    int end;
    while ((end = pending.indexOf(suffix)) >= 0) {
      String line = pending.substring(0, end);
      pending.delete(0, end + suffix.length());
      lines.add(
          overflow || !line.startsWith(prefix)
              ? Optional.empty()
              : Optional.of(line.substring(prefix.length())));
      overflow = false;
    }
    if (pending.length() > MAX_LINE) {
      pending.setLength(0);
      overflow = true;
    }
    return lines;
  }
}
