package org.shiori.central.ils.fileimport;

/**
 * Bounds on what an import reads, checked before the data is read whole: a file larger than {@code
 * maxFileBytes} is refused by its size, a physical line longer than {@code maxLineChars} is refused
 * as soon as it is that long, and a file with more than {@code maxRows} rows is refused.
 */
public record ImportLimits(long maxFileBytes, int maxLineChars, int maxRows) {
  /** 100 MB, 64 KiB lines, 2 million rows: far above a large city library's export. */
  public static final ImportLimits DEFAULT =
      new ImportLimits(100L * 1000 * 1000, 64 * 1024, 2_000_000);

  public ImportLimits {
    if (maxFileBytes < 1 || maxLineChars < 1 || maxRows < 1) {
      throw new IllegalArgumentException("import limits must be positive");
    }
  }
}
