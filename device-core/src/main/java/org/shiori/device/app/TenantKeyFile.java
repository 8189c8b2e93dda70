package org.shiori.device.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.shiori.config.SecretFiles;

/**
 * The tenant key that card numbers are hashed with. Provisioned by central on real devices; the
 * demo makes one. Readable by the service user only.
 */
public final class TenantKeyFile {
  private static final int KEY_BYTES = 32;

  /** One generator for the process: seeding a fresh one per key buys nothing. */
  private static final SecureRandom RANDOM = new SecureRandom();

  private TenantKeyFile() {}

  /** Largest key file read; a key is raw bytes, 32 of them as central provisions it. */
  private static final long MAX_BYTES = 1024;

  /**
   * Reads the raw key bytes (every byte counts, a trailing newline included).
   *
   * @throws IOException when the file is not {@code 0600}, too short or too long
   */
  public static byte[] read(Path file) throws IOException {
    SecretFiles.requireOwnerOnly(file);
    if (Files.size(file) > MAX_BYTES) {
      throw new IOException(file + ": a tenant key has at most " + MAX_BYTES + " bytes");
    }
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
