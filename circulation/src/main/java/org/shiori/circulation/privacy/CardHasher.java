package org.shiori.circulation.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.shiori.circulation.domain.PatronKey;

/**
 * Turns a card number into the {@link PatronKey} that devices store (P-MIN-1): HMAC-SHA-256 with a
 * tenant key that central and the devices share, so a stolen database cannot be matched against a
 * list of card numbers without the key.
 */
public final class CardHasher {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public CardHasher(byte[] tenantKey) {
    if (tenantKey.length < 16) {
      throw new IllegalArgumentException("the tenant key must be at least 16 bytes");
    }
    this.key = new SecretKeySpec(tenantKey.clone(), ALGORITHM);
  }

  public PatronKey keyOf(String cardNumber) {
    String normalized = cardNumber.strip().toUpperCase(java.util.Locale.ROOT);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest = mac.doFinal(normalized.getBytes(StandardCharsets.US_ASCII));
      return new PatronKey(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java 17 runtime", e);
    }
  }
}
