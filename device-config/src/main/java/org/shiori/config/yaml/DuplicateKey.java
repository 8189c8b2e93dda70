package org.shiori.config.yaml;

/** A key written twice in one mapping; the later value is ignored and reported. */
public record DuplicateKey(String path, SourcePosition position, SourcePosition firstPosition) {}
