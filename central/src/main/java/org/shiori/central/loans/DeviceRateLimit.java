package org.shiori.central.loans;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * How often one device may ask for loans or renewals: a bucket of {@code perMinute} requests per
 * device, refilled evenly over a minute. A device that asks faster (a stolen certificate walking
 * through card numbers, or a faulty kiosk) is refused {@code RATE_LIMITED} at once, before any card
 * is hashed or the library system is asked. Kept in this instance's memory: with several central
 * instances in the share group a device gets at most that many per instance.
 */
public final class DeviceRateLimit {
  private static final int MAX_DEVICES = 100_000;

  private final Clock clock;
  private final double capacity;
  private final double perMilli;
  private final Map<String, Bucket> buckets = new HashMap<>();

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }

  public DeviceRateLimit(int perMinute, Clock clock) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("at least one request a minute");
    }
    this.clock = clock;
    this.capacity = perMinute;
    this.perMilli = perMinute / 60_000.0;
  }

  /** Takes one request from the device's bucket; false when it is empty. */
  public synchronized boolean allow(String deviceId) {
    long now = clock.millis();
    if (buckets.size() >= MAX_DEVICES && !buckets.containsKey(deviceId)) {
      buckets.values().removeIf(b -> b.tokens + (now - b.at) * perMilli >= capacity);
    }
    Bucket b = buckets.computeIfAbsent(deviceId, d -> new Bucket(capacity, now));
    b.tokens = Math.min(capacity, b.tokens + Math.max(0, now - b.at) * perMilli);
    b.at = now;
    if (b.tokens < 1) {
      return false;
    }
    b.tokens -= 1;
    return true;
  }
}
