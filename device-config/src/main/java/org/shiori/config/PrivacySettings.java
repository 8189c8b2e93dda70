package org.shiori.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the tenant's secret key for hashing card numbers (HMAC) is kept. Card numbers are never
 * stored; only their keyed hash is. The configuration holds the path, never the key.
 */
public record PrivacySettings(Path tenantKeyFile) {
  public PrivacySettings {
    Objects.requireNonNull(tenantKeyFile, "tenantKeyFile");
  }
}
