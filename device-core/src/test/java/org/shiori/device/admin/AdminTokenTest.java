package org.shiori.device.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shiori.testkit.SecretFile;

/** The admin token file: no usable token, no access. */
class AdminTokenTest {
  private static final String TOKEN = "3f9c2a7d5e1b8c4a6d0e2f7a";

  @TempDir Path data;

  @Test
  void withoutTheFileNothingIsAccepted() throws IOException {
    AdminToken token = AdminToken.readFrom(data);
    assertThat(token.provisioned()).isFalse();
    assertThat(token.accepts("Bearer ")).isFalse();
    assertThat(token.accepts("Bearer " + TOKEN)).isFalse();
  }

  @Test
  void aTokenShorterThanSixteenCharactersIsNotUsed() throws IOException {
    SecretFile.write(data.resolve(AdminToken.FILE_NAME), "short-token\n");
    AdminToken token = AdminToken.readFrom(data);
    assertThat(token.provisioned()).isFalse();
    assertThat(token.accepts("Bearer short-token")).isFalse();
  }

  @Test
  void onlyTheExactBearerTokenIsAccepted() throws IOException {
    SecretFile.write(data.resolve(AdminToken.FILE_NAME), TOKEN + "\n");
    AdminToken token = AdminToken.readFrom(data);

    assertThat(token.provisioned()).isTrue();
    assertThat(token.accepts("Bearer " + TOKEN)).isTrue();
    assertThat(token.accepts("bearer " + TOKEN)).isTrue();
    assertThat(token.accepts(null)).isFalse();
    assertThat(token.accepts(TOKEN)).isFalse();
    assertThat(token.accepts("Basic " + TOKEN)).isFalse();
    assertThat(token.accepts("Bearer " + TOKEN.substring(1))).isFalse();
    assertThat(token.accepts("Bearer " + TOKEN + "0")).isFalse();
  }

  @Test
  void aTokenFileOthersMayReadStopsTheService() throws IOException {
    Path file = Files.writeString(data.resolve(AdminToken.FILE_NAME), TOKEN + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> AdminToken.readFrom(data))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("rw-r--r--")
        .hasMessageContaining("chmod 600");
  }
}
