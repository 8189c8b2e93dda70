package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sip2ChecksumTest {

  private static String checksumOf(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    return Sip2Checksum.of(bytes, bytes.length);
  }

  @Test
  void scStatusExampleFromTheSpecificationHasChecksumFca5() {
    assertThat(checksumOf("9900302.00AY1AZ")).isEqualTo("FCA5");
  }

  @Test
  void requestAcsResendHasChecksumFef5() {
    assertThat(checksumOf("97AZ")).isEqualTo("FEF5");
  }

  @Test
  void checksumIsFourUppercaseHexDigitsWithLeadingZeros() {
    // 257 x 0xFF = 0xFFFF; its two's complement is 0x0001
    byte[] bytes = new byte[257];
    java.util.Arrays.fill(bytes, (byte) 0xFF);
    assertThat(Sip2Checksum.of(bytes, bytes.length)).isEqualTo("0001");
    assertThat(Sip2Checksum.of(new byte[0], 0)).isEqualTo("0000");
  }

  @Test
  void checksumCountsBytesAsUnsigned() {
    byte[] bytes = {(byte) 0x83, (byte) 0x7C};
    assertThat(Sip2Checksum.of(bytes, 2)).isEqualTo("FF01");
  }
}
