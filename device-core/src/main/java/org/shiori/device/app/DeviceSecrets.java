package org.shiori.device.app;

import java.io.IOException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.SecretFiles;
import org.shiori.config.TlsSettings;

/**
 * The secrets a service refuses to start with when anyone but its user may read them: the TLS
 * private key of the broker connection (the tenant key and the admin token are checked where they
 * are read, by {@link TenantKeyFile} and the kiosk's admin token). Checked at start, before the
 * link would try the key at every reconnect and fail quietly.
 */
public final class DeviceSecrets {
  private DeviceSecrets() {}

  /**
   * @throws IOException naming the file, its mode and the fix ({@code chmod 0600})
   */
  public static void requireOwnerOnly(DeviceConfig config) throws IOException {
    if (config.broker().tls().isPresent()) {
      TlsSettings tls = config.broker().tls().get();
      try {
        SecretFiles.requireOwnerOnly(tls.key());
      } catch (IOException e) {
        throw new IOException("broker.tls.key: " + e.getMessage(), e);
      }
    }
  }
}
