package org.shiori.rfid.reader;

/** What a reader says about itself (firmware version and model). */
public record ReaderInfo(String vendor, String model, String firmwareVersion, String details) {}
