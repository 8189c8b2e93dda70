package org.shiori.rfid.codec;

/**
 * Reads and writes the library data model in a tag's user memory, detecting the format: ISO 28560-3
 * (with tolerant decoding of field quirks), 3M RFID501, ISO 28560-2. Never throws on bad input:
 * anything unrecognisable is {@link TagFormat#UNKNOWN}.
 */
public final class LibraryTagCodec {
  private LibraryTagCodec() {}

  public static TagContent decode(byte[] userMemory) {
    if (userMemory == null || userMemory.length == 0) {
      return TagContent.unknown();
    }
    TagContent rfid501 = Rfid501.decode(userMemory);
    if (rfid501 != null && rfid501.quirks().contains(TagContent.QUIRK_BLANK)) {
      return rfid501;
    }
    TagContent part3 = Iso28560Part3.decode(userMemory);
    if (part3 != null && part3.crcValid()) {
      return part3;
    }
    if (rfid501 != null) {
      return rfid501;
    }
    TagContent reversed501 = Rfid501.decode(Iso28560Part3.reverseBlocks(userMemory));
    if (reversed501 != null) {
      return Rfid501.withQuirk(reversed501, TagContent.QUIRK_BLOCK_REVERSED);
    }
    if (part3 != null && part3.quirks().isEmpty()) {
      // Version nibble 1 read as is: a damaged ISO 28560-3 block, reported with crcValid=false.
      return part3;
    }
    TagContent part2 = Iso28560Part2.decode(userMemory);
    if (part2 != null) {
      return part2;
    }
    return part3 != null ? part3 : TagContent.unknown();
  }

  /** ISO 28560-3 basic block (32 bytes when the ISIL fits in 9 characters, else 34). */
  public static byte[] encodeIso28560_3(Iso28560Part3.Data data) {
    return Iso28560Part3.encode(data);
  }

  /** Circulating item (usage 1), version 1. */
  public static byte[] encodeIso28560_3(
      String itemId, int parts, int part, String country, String isil) {
    return Iso28560Part3.encode(
        new Iso28560Part3.Data(Iso28560Part3.VERSION, 1, parts, part, itemId, country, isil));
  }
}
