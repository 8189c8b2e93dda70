package org.shiori.bench.rfid;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples in nanoseconds, summarised as median, p99 and maximum in milliseconds. */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  public double millis(double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  public double p99() {
    return millis(0.99);
  }

  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "n=%d median %.3f ms, p99 %.3f ms, max %.3f ms",
        sorted.length,
        millis(0.5),
        p99(),
        max());
  }
}
