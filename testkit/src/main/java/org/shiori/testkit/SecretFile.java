package org.shiori.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a secret (tenant key, admin token) the way a device must hold it: mode 0600. */
public final class SecretFile {
  private SecretFile() {}

  public static Path write(Path file, byte[] content) throws IOException {
    Files.write(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  public static Path write(Path file, String content) throws IOException {
    return write(file, content.getBytes(StandardCharsets.UTF_8));
  }
}
