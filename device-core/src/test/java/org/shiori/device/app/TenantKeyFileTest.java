package org.shiori.device.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenant key is raw bytes in a file only its owner may read. */
class TenantKeyFileTest {
  @TempDir Path dir;

  private Path keyFile(byte[] content, String mode) throws IOException {
    Path file = Files.write(dir.resolve("tenant.key"), content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @Test
  void aKeyOthersMayReadIsRefusedWithTheFix() throws IOException {
    Path file = keyFile(new byte[32], "rw-r--r--");
    assertThatThrownBy(() -> TenantKeyFile.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
  }

  @Test
  void aGroupWritableKeyIsRefused() throws IOException {
    Path file = keyFile(new byte[32], "rw--w----");
    assertThatThrownBy(() -> TenantKeyFile.read(file)).hasMessageContaining("rw--w----");
  }

  @Test
  void everyByteCountsATrailingNewlineIncluded() throws IOException {
    byte[] key =
        "0123456789abcdef0123456789abcdef\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    Path file = keyFile(key, "rw-------");
    assertThat(TenantKeyFile.read(file)).hasSize(33).isEqualTo(key);
  }

  @Test
  void aKeyFileOfAMegabyteIsRefused() throws IOException {
    Path file = keyFile(new byte[1024 * 1024], "r--------");
    assertThatThrownBy(() -> TenantKeyFile.read(file)).hasMessageContaining("at most");
  }

  @Test
  void aLinkInsteadOfAFileIsRefused() throws IOException {
    Path target = keyFile(new byte[32], "rw-------");
    Path link = Files.createSymbolicLink(dir.resolve("link.key"), target);
    assertThatThrownBy(() -> TenantKeyFile.read(link)).hasMessageContaining("regular file");
  }
}
