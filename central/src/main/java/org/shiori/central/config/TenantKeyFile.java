package org.shiori.central.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The tenant key central hashes card numbers with, the same file the devices are provisioned with:
 * raw bytes (every byte counts), 16 to 1024 of them, readable by the service user only.
 */
final class TenantKeyFile {
  private static final long MAX_BYTES = 1024;
  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private TenantKeyFile() {}

  static byte[] read(Path file) throws IOException {
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    if (mode.stream().anyMatch(OTHERS::contains)) {
      throw new IOException("readable by others; chmod 600");
    }
    long size = Files.size(file);
    if (size < 16 || size > MAX_BYTES) {
      throw new IOException(size + " bytes");
    }
    return Files.readAllBytes(file);
  }
}
