package org.shiori.yaml;

/**
 * A key written twice in one mapping; the later value is ignored and reported.
 *
 * @param path the dotted path of the key from the root ({@code reader.port})
 * @param position where it is written the second time
 * @param firstPosition where it is written first
 */
public record DuplicateKey(String path, SourcePosition position, SourcePosition firstPosition) {
  /** The key itself, the last segment of the path. */
  public String key() {
    return path.substring(path.lastIndexOf('.') + 1);
  }
}
