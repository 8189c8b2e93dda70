package org.shiori.rfid.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Seeded byte-array mutations: bit flips, byte changes, insertions, deletions, truncation. */
final class Mutator {
  private final SplittableRandom random;

  Mutator(long seed) {
    this.random = new SplittableRandom(seed);
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }

  boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  byte[] randomBytes(int maxLength) {
    byte[] b = new byte[random.nextInt(maxLength + 1)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) random.nextInt(256);
    }
    return b;
  }

  byte[] mutate(byte[] seed) {
    byte[] b = seed.clone();
    int rounds = 1 + random.nextInt(4);
    for (int r = 0; r < rounds; r++) {
      b = mutateOnce(b);
    }
    return b;
  }

  private byte[] mutateOnce(byte[] b) {
    switch (random.nextInt(6)) {
      case 0:
        if (b.length > 0) {
          b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
      case 1:
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
        return b;
      case 2:
        int at = random.nextInt(b.length + 1);
        byte[] ins = new byte[b.length + 1];
        System.arraycopy(b, 0, ins, 0, at);
        ins[at] = (byte) random.nextInt(256);
        System.arraycopy(b, at, ins, at + 1, b.length - at);
        return ins;
      case 3:
        if (b.length == 0) {
          return b;
        }
        int del = random.nextInt(b.length);
        byte[] out = new byte[b.length - 1];
        System.arraycopy(b, 0, out, 0, del);
        System.arraycopy(b, del + 1, out, del, b.length - del - 1);
        return out;
      case 4:
        return Arrays.copyOf(b, random.nextInt(b.length + 1));
      default:
        if (b.length > 0) {
          b[random.nextInt(b.length)] = (byte) (random.nextBoolean() ? 0x00 : 0xFF);
        }
        return b;
    }
  }
}
