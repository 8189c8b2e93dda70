package org.shiori.rfid.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shiori.emulator.FaultInjection;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.reader.NoTagException;
import org.shiori.rfid.reader.VerifiedWrites;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.tag.TagUid;
import org.shiori.rfid.transport.MemoryPipe;

class TagSecurityTest {
  private static final TagUid UID = TagUid.fromHex("E004010012345678");
  private final MemoryPipe.Pair pipe = MemoryPipe.pair();
  private final TagField field = new TagField();
  private final FeigReaderEmulator emulator =
      new FeigReaderEmulator(pipe.device(), field, 0x00).start();
  private final FeigReader reader = new FeigReader(pipe.host(), 0xFF, Duration.ofSeconds(2));
  private final VirtualTag tag = VirtualTag.slix(UID);

  TagSecurityTest() {
    field.put(tag);
  }

  @AfterEach
  void close() {
    emulator.close();
  }

  @Test
  void isoAfiSecureAndRelease() throws Exception {
    TagSecurity s = new TagSecurity(reader, SecurityMode.ISO_AFI);
    s.secure(UID);
    assertThat(tag.afi()).isEqualTo(0x07);
    assertThat(s.isSecured(UID)).isTrue();
    s.release(UID);
    assertThat(tag.afi()).isEqualTo(0xC2);
    assertThat(s.isSecured(UID)).isFalse();
  }

  @Test
  void threeMSiteValues() throws Exception {
    TagSecurity s = new TagSecurity(reader, SecurityMode.THREEM_AFI);
    s.secure(UID);
    assertThat(tag.afi()).isEqualTo(0xD7);
    s.release(UID);
    assertThat(tag.afi()).isEqualTo(0xDA);
  }

  @Test
  void writeAfiRetriedOnNoTransponder() throws Exception {
    emulator.faults().next(FaultInjection.Fault.NO_TAG, 2);
    new TagSecurity(reader, SecurityMode.ISO_AFI).release(UID);
    assertThat(tag.afi()).isEqualTo(0xC2);
  }

  @Test
  void givesUpAfterConfiguredAttempts() {
    emulator.faults().next(FaultInjection.Fault.NO_TAG, 10);
    TagSecurity s = new TagSecurity(reader, SecurityMode.ISO_AFI, new VerifiedWrites(reader, 3));
    assertThatThrownBy(() -> s.secure(UID)).isInstanceOf(NoTagException.class);
    assertThat(tag.afi()).isZero();
  }

  @Test
  void easMode() throws Exception {
    TagSecurity s = new TagSecurity(reader, SecurityMode.NXP_EAS);
    s.secure(UID);
    assertThat(tag.eas()).isTrue();
    assertThat(s.isSecured(UID)).isTrue();
    s.release(UID);
    assertThat(tag.eas()).isFalse();
  }

  @Test
  void blockWriteReadBackRetriedAfterCorruptReply() throws Exception {
    VerifiedWrites w =
        new VerifiedWrites(new FeigReader(pipe.host(), 0xFF, Duration.ofMillis(400)));
    emulator.faults().next(FaultInjection.Fault.CORRUPT_CRC, 1);
    w.writeBlocks(UID, 2, new byte[] {1, 2, 3, 4});
    assertThat(tag.read(2, 1)).containsExactly(1, 2, 3, 4);
  }

  @Test
  void modeRejectsEqualValues() {
    assertThatThrownBy(() -> SecurityMode.afi(7, 7)).isInstanceOf(IllegalArgumentException.class);
  }
}
