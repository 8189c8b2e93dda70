package org.shiori.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files holding secrets (tenant key, admin token, private keys) must be readable by their owner
 * only: a group- or world-readable secret may already have been copied, so the service refuses it
 * instead of using it silently.
 */
public final class SecretFiles {
  /** The only mode a secret file may have: {@code 0600} (or stricter, {@code 0400}). */
  public static final String REQUIRED_MODE = "0600";

  private static final Set<PosixFilePermission> OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private SecretFiles() {}

  /**
   * @throws IOException naming the file, its mode and the fix when anyone but the owner may use it,
   *     or when it is not a regular file
   */
  public static void requireOwnerOnly(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(file + " is not a regular file (a secret must not be a link)");
    }
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system (a developer's machine): nothing to check.
      return;
    }
    Set<PosixFilePermission> extra = EnumSet.noneOf(PosixFilePermission.class);
    extra.addAll(mode);
    extra.retainAll(OTHERS);
    if (!extra.isEmpty()) {
      throw new IOException(
          file
              + " has mode "
              + PosixFilePermissions.toString(mode)
              + ", readable or writable by others; a secret must be "
              + REQUIRED_MODE
              + " (rw-------): run chmod 600 "
              + file
              + " and, if others could have read it, replace the secret");
    }
  }
}
