package org.shiori.central.ils.sip2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sip2MessageReaderTest {

  private static Sip2MessageReader reader(String text, int max) {
    return new Sip2MessageReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), max);
  }

  private static String read(Sip2MessageReader reader) throws Exception {
    return new String(reader.read(), StandardCharsets.US_ASCII);
  }

  @Test
  void readsMessagesEndedByCr() throws Exception {
    Sip2MessageReader reader = reader("941\r98abc\r", 100);
    assertThat(read(reader)).isEqualTo("941");
    assertThat(read(reader)).isEqualTo("98abc");
  }

  @Test
  void readsMessagesEndedByCrLf() throws Exception {
    Sip2MessageReader reader = reader("941\r\n98abc\r\n", 100);
    assertThat(read(reader)).isEqualTo("941");
    assertThat(read(reader)).isEqualTo("98abc");
  }

  @Test
  void messageLongerThanTheBoundIsRefused() {
    assertThatThrownBy(() -> reader("9".repeat(300) + "\r", 256).read())
        .isInstanceOf(Sip2ProtocolException.class)
        .hasMessageContaining("longer than 256 bytes");
  }

  @Test
  void endOfStreamBeforeAnyByteIsAStaleConnection() {
    assertThatThrownBy(() -> reader("", 100).read())
        .isInstanceOfSatisfying(
            Sip2ConnectionClosedException.class, e -> assertThat(e.beforeAnyByte()).isTrue());
  }

  @Test
  void endOfStreamMidMessageIsAConnectionDroppedMidReply() {
    assertThatThrownBy(() -> reader("12100", 100).read())
        .isInstanceOfSatisfying(
            Sip2ConnectionClosedException.class, e -> assertThat(e.beforeAnyByte()).isFalse());
  }
}
