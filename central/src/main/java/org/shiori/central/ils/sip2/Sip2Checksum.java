package org.shiori.central.ils.sip2;

import java.util.Locale;

/**
 * The SIP2 AZ checksum: the 16-bit two's complement of the sum of every byte of the message up to
 * and including the characters "AZ", written as 4 uppercase hexadecimal digits.
 */
public final class Sip2Checksum {
  private Sip2Checksum() {}

  /** The checksum of the first {@code length} bytes. */
  public static String of(byte[] bytes, int length) {
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += bytes[i] & 0xFF;
    }
    int checksum = (-sum) & 0xFFFF;
    return String.format(Locale.ROOT, "%04X", checksum);
  }
}
