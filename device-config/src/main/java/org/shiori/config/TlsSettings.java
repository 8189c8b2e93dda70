package org.shiori.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Files for a mutually authenticated TLS connection to the broker (PEM). Paths only, never keys.
 */
public record TlsSettings(Path ca, Path cert, Path key) {
  public TlsSettings {
    Objects.requireNonNull(ca, "ca");
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
  }
}
