package org.shiori.rfid.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shiori.rfid.testing.ScriptedDevice.hex;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.rfid.reader.ReaderTimeoutException;
import org.shiori.rfid.reader.feig.FeigFrameCodec;
import org.shiori.rfid.reader.threem.ThreeMFrameCodec;
import org.shiori.rfid.transport.MemoryPipe;

class FrameReaderTest {
  private static final byte[] FEIG_A = hex("0600B0015C63");
  private static final byte[] FEIG_B = hex("1100B000010300E004010012345678D835");
  private static final byte[] THREEM = hex("D6000FFE00000501E00401001234567813EC");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();
  private final FrameReader feig = new FrameReader(pipe.host(), FeigFrameCodec.SYNTAX);
  private static final Duration T = Duration.ofSeconds(2);

  @AfterEach
  void close() {
    pipe.close();
  }

  @Test
  void joinsSplitReads() throws Exception {
    for (byte b : FEIG_B) {
      pipe.device().write(new byte[] {b});
    }
    assertThat(feig.next(T)).isEqualTo(FEIG_B);
  }

  @Test
  void separatesCoalescedFrames() throws Exception {
    byte[] both = new byte[FEIG_A.length + FEIG_B.length];
    System.arraycopy(FEIG_A, 0, both, 0, FEIG_A.length);
    System.arraycopy(FEIG_B, 0, both, FEIG_A.length, FEIG_B.length);
    pipe.device().write(both);
    assertThat(feig.next(T)).isEqualTo(FEIG_A);
    assertThat(feig.next(T)).isEqualTo(FEIG_B);
  }

  @Test
  void resyncsAfterGarbage() throws Exception {
    pipe.device().write(hex("0000FF06"));
    pipe.device().write(FEIG_B);
    assertThat(feig.next(T)).isEqualTo(FEIG_B);
    assertThat(feig.skippedBytes()).isEqualTo(4);
  }

  @Test
  void resyncsWhenGarbageLooksLikeALongHeader() throws Exception {
    // 0xF0 would announce a 240-byte frame: after an idle gap the real frame behind it is found.
    pipe.device().write(hex("F0"));
    pipe.device().write(FEIG_A);
    assertThat(feig.next(T)).isEqualTo(FEIG_A);
  }

  @Test
  void threeMResyncsAfterFalseStartByte() throws Exception {
    FrameReader r = new FrameReader(pipe.host(), ThreeMFrameCodec.SYNTAX);
    pipe.device().write(hex("D600"));
    pipe.device().write(THREEM);
    assertThat(r.next(T)).isEqualTo(THREEM);
  }

  @Test
  void timesOutOnPartialFrame() throws Exception {
    pipe.device().write(hex("1100B000"));
    assertThatThrownBy(() -> feig.next(Duration.ofMillis(200)))
        .isInstanceOf(ReaderTimeoutException.class);
  }

  @Test
  void closedTransportIsIoError() {
    pipe.device().close();
    assertThatThrownBy(() -> feig.next(T)).isInstanceOf(java.io.IOException.class);
  }
}
