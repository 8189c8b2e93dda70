package org.shiori.rfid.reader;

import java.util.OptionalInt;
import org.shiori.rfid.tag.TagUid;

/** ISO 15693 "get system information" content; absent fields are empty. */
public record SystemInfo(
    TagUid uid,
    OptionalInt dsfid,
    OptionalInt afi,
    OptionalInt blockSize,
    OptionalInt blockCount,
    OptionalInt icReference) {}
