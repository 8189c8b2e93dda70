package org.shiori.device.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import org.shiori.config.SecretFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bearer token technicians and staff present to the admin API, read once from {@code
 * admin.token} in the device's data directory (beside the tenant key). Without a usable token file
 * every request is refused: an unprovisioned device has no admin access at all.
 */
public final class AdminToken {
  private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

  /** The token file's name inside the data directory. */
  public static final String FILE_NAME = "admin.token";

  /** Shortest token accepted, so that a token cannot be guessed in useful time. */
  public static final int MIN_LENGTH = 16;

  private static final long MAX_BYTES = 4096;

  private static final String SCHEME = "Bearer ";

  private final Optional<byte[]> token;

  private AdminToken(Optional<byte[]> token) {
    this.token = token;
  }

  /**
   * Reads {@code dataDir/admin.token}; a missing, short or unreadable file leaves no token.
   *
   * @throws IOException when the file exists but others may read it (not {@code 0600}): the service
   *     refuses to start rather than trust a token that may have leaked
   */
  public static AdminToken readFrom(Path dataDir) throws IOException {
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      SecretFiles.requireOwnerOnly(file);
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        LOG.warn("{} is larger than {} bytes: admin API closed", file, MAX_BYTES);
        return new AdminToken(Optional.empty());
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.length() < MIN_LENGTH) {
        LOG.warn("{} holds fewer than {} characters: admin API closed", file, MIN_LENGTH);
        return new AdminToken(Optional.empty());
      }
      return new AdminToken(Optional.of(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchFileException e) {
      LOG.warn("no {}: admin API closed until a token is provisioned", file);
    } catch (IOException e) {
      LOG.warn("cannot read {} ({}): admin API closed", file, e.getClass().getSimpleName());
    }
    return new AdminToken(Optional.empty());
  }

  /** Whether a token is provisioned at all. */
  public boolean provisioned() {
    return token.isPresent();
  }

  /** Whether an {@code Authorization} header carries this token; compared in constant time. */
  public boolean accepts(String authorizationHeader) {
    if (token.isEmpty()
        || authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return false;
    }
    byte[] presented =
        authorizationHeader.substring(SCHEME.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token.get(), presented);
  }
}
