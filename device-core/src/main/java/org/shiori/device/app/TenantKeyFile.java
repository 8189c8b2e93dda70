package org.shiori.device.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The tenant key that card numbers are hashed with. Provisioned by central on real devices; the
 * demo makes one. Readable by the service user only.
 */
public final class TenantKeyFile {
  private static final int KEY_BYTES = 32;

  /** One generator for the process: seeding a fresh one per key buys nothing. */
  private static final SecureRandom RANDOM = new SecureRandom();

  private TenantKeyFile() {}

  public static byte[] read(Path file) throws IOException {
    byte[] key = Files.readAllBytes(file);
    if (key.length < 16) {
      throw new IOException(file + ": a tenant key has at least 16 bytes, found " + key.length);
    }
    return key;
  }

  public static byte[] readOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return read(file);
    }
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.write(file, key);
    return key;
  }
}
