package org.shiori.rfid.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.shiori.rfid.codec.LibraryTagCodec;
import org.shiori.rfid.codec.TagContent;
import org.shiori.rfid.iso15693.Iso15693Request;
import org.shiori.rfid.iso15693.Iso15693Response;
import org.shiori.rfid.reader.ReaderException;
import org.shiori.rfid.reader.TagReader;
import org.shiori.rfid.reader.cr95hf.Cr95hfReader;
import org.shiori.rfid.reader.feig.FeigFrame;
import org.shiori.rfid.reader.feig.FeigFrameCodec;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.reader.threem.ThreeMFrame;
import org.shiori.rfid.reader.threem.ThreeMFrameCodec;
import org.shiori.rfid.reader.threem.ThreeMReader;
import org.shiori.rfid.tag.TagUid;

/**
 * Random and mutated input into every decoder with a fixed seed: only the typed errors may come
 * out, and nothing hangs. The count per decoder is {@value #DEFAULT_ITERATIONS}; a longer run:
 * {@code mvn -pl rfid-driver -am test -Dtest=DecoderFuzzTest -Dshiori.fuzz.iterations=50000000
 * -Dshiori.fuzz.seed=12345 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class DecoderFuzzTest {
  static final int DEFAULT_ITERATIONS = 1_000_000;
  private static final int ITERATIONS =
      Integer.getInteger("shiori.fuzz.iterations", DEFAULT_ITERATIONS);
  private static final long SEED = Long.getLong("shiori.fuzz.seed", 0x5410_1234L);
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private static final TagUid UID = TagUid.fromHex("E004010012345678");

  private static final List<byte[]> FEIG_SEEDS =
      hexList(
          "1100B000010300E004010012345678D835",
          "1300B00000E00401001234567807031B01AF59",
          "1200B0000204004433221100887766550C10",
          "0D006500030500004C000873B7",
          "0800B0951201D84F",
          "0600B0015C63");
  private static final List<byte[]> THREEM_SEEDS =
      hexList(
          "D6000FFE00000501E00401003123AA26941A",
          "D600190200E0040100123456780200001122334401005566778811E8",
          "D6000D0A00E004010012345678DA9134",
          "D600130D00E0040100123456780F0007031B0001E9AB",
          "D6000811000A0302063517",
          "D500090400110A0500027250");

  private static List<byte[]> hexList(String... hex) {
    return java.util.Arrays.stream(hex).map(HEX::parseHex).toList();
  }

  private static byte[] input(Mutator m, List<byte[]> seeds) {
    return m.chance(20) ? m.randomBytes(300) : m.mutate(seeds.get(m.nextInt(seeds.size())));
  }

  @Test
  @Timeout(60)
  void feigFrameCodec() {
    Mutator m = new Mutator(SEED);
    long accepted = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] in = input(m, FEIG_SEEDS);
      if (m.chance(50) && in.length >= 4) {
        fixFeigCrc(in);
      }
      try {
        FeigFrame f =
            i % 2 == 0 ? FeigFrameCodec.decodeReply(in) : FeigFrameCodec.decodeRequest(in);
        assertThat(FeigFrameCodec.encode(f).length).isLessThanOrEqualTo(in.length + 2);
        accepted++;
      } catch (ReaderException expected) {
        // the typed error
      }
    }
    assertThat(accepted).isPositive();
  }

  @Test
  @Timeout(60)
  void threeMFrameCodec() {
    Mutator m = new Mutator(SEED + 1);
    long accepted = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] in = input(m, THREEM_SEEDS);
      if (m.chance(50) && in.length >= 5) {
        fixThreeMCrc(in);
      }
      try {
        ThreeMFrame f =
            i % 2 == 0 ? ThreeMFrameCodec.decodeReply(in) : ThreeMFrameCodec.decodeRequest(in);
        assertThat(f.data().length).isLessThan(in.length);
        accepted++;
      } catch (ReaderException expected) {
        // the typed error
      }
    }
    assertThat(accepted).isPositive();
  }

  @Test
  @Timeout(60)
  void iso15693Codec() {
    Mutator m = new Mutator(SEED + 2);
    List<byte[]> seeds = hexList("232093697312000007E000", "260100F60A", "0055555555", "0112");
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] in = input(m, seeds);
      boolean crc = m.chance(50);
      try {
        if (i % 2 == 0) {
          Iso15693Request.decode(in, crc);
        } else {
          Iso15693Response.decode(in, crc).dataOrThrow("fuzz");
        }
      } catch (ReaderException expected) {
        // the typed error
      }
    }
  }

  @Test
  @Timeout(60)
  void libraryTagCodecNeverThrows() {
    Mutator m = new Mutator(SEED + 3);
    List<byte[]> seeds =
        hexList(
            "11010131323334353637383930000000000000610C444B373631353030000000",
            "1101014A50303031323334350000000000000078284A504A502D3130303030303100",
            "04110001313330323030303132330000000000000000100BB900000000",
            "41050420F1CB3063064A502D3132330000000000",
            "210398C6B900");
    int known = 0;
    for (int i = 0; i < ITERATIONS; i++) {
      byte[] in = input(m, seeds);
      TagContent c = LibraryTagCodec.decode(in);
      assertThat(c.format()).isNotNull();
      assertThat(c.itemId()).isNotNull();
      if (c.format() != org.shiori.rfid.codec.TagFormat.UNKNOWN) {
        known++;
      }
    }
    assertThat(known).isPositive();
  }

  @Test
  @Timeout(120)
  void feigReaderReplies() {
    Mutator m = new Mutator(SEED + 4);
    ScriptedReplyTransport t = new ScriptedReplyTransport(request -> feigReply(m, request));
    driveReader(new FeigReader(t, 0xFF, Duration.ofMillis(50), Duration.ZERO), m);
  }

  @Test
  @Timeout(120)
  void threeMReaderReplies() {
    Mutator m = new Mutator(SEED + 5);
    ScriptedReplyTransport t = new ScriptedReplyTransport(request -> threeMReply(m, request));
    driveReader(new ThreeMReader(t, Duration.ofMillis(50)), m);
  }

  @Test
  @Timeout(120)
  void cr95hfReaderReplies() {
    Mutator m = new Mutator(SEED + 6);
    ScriptedReplyTransport t = new ScriptedReplyTransport(request -> cr95hfReply(m, request));
    driveReader(new Cr95hfReader(t, Duration.ofMillis(50)), m);
  }

  /** Mostly well-framed chip replies around a random or mutated ISO 15693 response. */
  private static byte[] cr95hfReply(Mutator m, byte[] request) {
    if ((request[0] & 0xFF) == Cr95hfReader.CMD_PROTOCOL_SELECT && m.chance(90)) {
      return new byte[] {0, 0};
    }
    int[] codes = {0x80, 0x80, 0x80, 0x87, 0x00, m.nextInt(256)};
    int code = codes[m.nextInt(codes.length)];
    byte[] iso = m.randomBytes(20);
    if (m.chance(60) && iso.length >= 1) {
      iso[0] = 0;
      int crc = org.shiori.rfid.crc.Crc16.ISO15693.compute(iso, 0, iso.length);
      iso = java.util.Arrays.copyOf(iso, iso.length + 3);
      iso[iso.length - 3] = (byte) crc;
      iso[iso.length - 2] = (byte) (crc >>> 8);
      iso[iso.length - 1] = (byte) (m.chance(10) ? 1 : 0);
    }
    byte[] frame = new byte[2 + iso.length];
    frame[0] = (byte) code;
    frame[1] = (byte) iso.length;
    System.arraycopy(iso, 0, frame, 2, iso.length);
    return m.chance(10) ? m.mutate(frame) : frame;
  }

  private static void driveReader(TagReader reader, Mutator m) {
    int ok = 0;
    // Whole driver exchanges (frame reader, codec, reply parsing) cost more: a quarter as many.
    int iterations = ITERATIONS / 4;
    for (int i = 0; i < iterations; i++) {
      try {
        switch (m.nextInt(7)) {
          case 0:
            reader.inventory(m.chance(50) ? OptionalInt.empty() : OptionalInt.of(7));
            break;
          case 1:
            reader.readBlocks(UID, 0, 1 + m.nextInt(8));
            break;
          case 2:
            reader.systemInfo(UID);
            break;
          case 3:
            reader.readAfi(UID);
            break;
          case 4:
            reader.easAlarm(UID);
            break;
          case 5:
            reader.writeBlocks(UID, 0, new byte[4]);
            break;
          default:
            reader.info();
        }
        ok++;
      } catch (ReaderException expected) {
        // the typed error
      }
    }
    assertThat(ok).isPositive();
  }

  /** A reply for the request's command with random status and data, valid CRC mostly. */
  private static byte[] feigReply(Mutator m, byte[] request) {
    int cmd = request[request[0] == 0x02 ? 4 : 2] & 0xFF;
    int[] statuses = {0x00, 0x00, 0x00, 0x01, 0x94, 0x95, 0x83, 0x03, m.nextInt(256)};
    int status = statuses[m.nextInt(statuses.length)];
    byte[] data =
        m.chance(40) ? m.mutate(FEIG_SEEDS.get(m.nextInt(FEIG_SEEDS.size()))) : m.randomBytes(40);
    if (m.chance(30) && data.length > 6) {
      data = java.util.Arrays.copyOfRange(data, 4, data.length - 2);
    }
    byte[] frame = FeigFrameCodec.encode(FeigFrame.reply(0x00, cmd, status, data));
    return m.chance(10) ? m.mutate(frame) : frame;
  }

  private static byte[] threeMReply(Mutator m, byte[] request) {
    int cmd = request[3] & 0xFF;
    int[] statuses = {0x00, 0x00, 0x00, 0x06, 0x12, m.nextInt(256)};
    int status = statuses[m.nextInt(statuses.length)];
    byte[] data;
    if (m.chance(50)) {
      data = m.randomBytes(12);
      byte[] withUid = new byte[8 + data.length];
      System.arraycopy(UID.msbFirst(), 0, withUid, 0, 8);
      System.arraycopy(data, 0, withUid, 8, data.length);
      data = m.chance(80) ? withUid : m.mutate(withUid);
    } else {
      data = m.randomBytes(60);
    }
    byte[] frame = ThreeMFrameCodec.encode(new ThreeMFrame(request[0] & 0xFF, cmd, status, data));
    return m.chance(10) ? m.mutate(frame) : frame;
  }

  private static void fixFeigCrc(byte[] in) {
    int crc = org.shiori.rfid.crc.Crc16.FEIG.compute(in, 0, in.length - 2);
    in[in.length - 2] = (byte) crc;
    in[in.length - 1] = (byte) (crc >>> 8);
  }

  private static void fixThreeMCrc(byte[] in) {
    int crc = org.shiori.rfid.crc.Crc16.THREEM.compute(in, 1, in.length - 3);
    in[in.length - 2] = (byte) (crc >>> 8);
    in[in.length - 1] = (byte) crc;
  }
}
