package org.shiori.circulation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CardHasherTest {
  private final CardHasher hasher =
      new CardHasher("0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

  @Test
  void knownAnswerMatchesHmacSha256_P_MIN_1() {
    // Reference value from: printf 'A1234567B' | openssl dgst -sha256 -hmac 0123456789abcdef
    assertThat(hasher.keyOf("A1234567B").value())
        .isEqualTo("eb75ac190a5615ef310a83e06afe7f61b2ed2b307671db90b5643b788ede4195");
    assertThat(hasher.keyOf(" a1234567b ")).isEqualTo(hasher.keyOf("A1234567B"));
  }

  @Test
  void differentTenantKeysGiveUnrelatedKeys() {
    CardHasher other = new CardHasher("fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    assertThat(other.keyOf("A1234567B")).isNotEqualTo(hasher.keyOf("A1234567B"));
  }

  @Test
  void shortTenantKeyIsRefused() {
    assertThatThrownBy(() -> new CardHasher(new byte[8]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
