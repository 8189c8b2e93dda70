package org.shiori.kiosk.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.shiori.circulation.policy.CirculationRules;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.privacy.CardHasher;
import org.shiori.config.BrokerSettings;
import org.shiori.config.DeviceConfig;
import org.shiori.device.admin.AdminToken;
import org.shiori.device.app.TenantKeyFile;
import org.shiori.device.messaging.MqttLinkSettings;
import org.shiori.device.messaging.TlsFiles;
import org.shiori.device.rules.LiveRules;
import org.shiori.device.rules.RulesInUse;
import org.shiori.device.rules.RulesUpdates;
import org.shiori.kiosk.session.KioskIdentity;
import org.shiori.kiosk.session.OfflineGuard;
import org.shiori.rfid.security.SecurityMode;

/**
 * Turns one immutable device configuration into the kiosk's settings and long-lived values. Parts
 * that hold resources (store, link, reader, servers) are opened by {@link ProductionKiosk}, which
 * closes them again.
 */
public final class KioskModule extends AbstractModule {
  private final DeviceConfig config;
  private final Clock clock;

  public KioskModule(DeviceConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  protected void configure() {
    bind(DeviceConfig.class).toInstance(config);
    bind(Clock.class).toInstance(clock);
  }

  @Provides
  @Singleton
  KioskIdentity identity() {
    return new KioskIdentity(config.tenant(), config.deviceId(), config.branch(), config.zone());
  }

  /** A real device never makes its own key: card hashes must match central's (P-MIN-1). */
  @Provides
  @Singleton
  CardHasher cardHasher() {
    Path file = config.privacy().tenantKeyFile();
    if (!Files.isRegularFile(file)) {
      throw new KioskStartException(
          "tenant key file "
              + file
              + " does not exist (privacy.tenantKeyFile): install the key central provisioned"
              + " for tenant "
              + config.tenant());
    }
    try {
      return new CardHasher(TenantKeyFile.read(file));
    } catch (IOException e) {
      throw new KioskStartException("cannot use tenant key file " + file + ": " + e.getMessage());
    }
  }

  /**
   * The configured policy, until central's policy and calendar documents replace it (they are
   * checked and swapped in by {@link RulesUpdates}).
   */
  @Provides
  @Singleton
  LiveRules liveRules() {
    try {
      return new LiveRules(
          RulesInUse.configured(ShippedPolicies.load(config.policy().describe(), config.zone())));
    } catch (PolicyException e) {
      throw new KioskStartException(
          "policy " + config.policy().describe() + ":\n" + e.getMessage());
    }
  }

  @Provides
  @Singleton
  CirculationRules rules(LiveRules live) {
    return live;
  }

  @Provides
  @Singleton
  SecurityMode security() {
    return config.security().tagSecurity();
  }

  /** The device link with the documented defaults, and the client id and keep-alive configured. */
  @Provides
  @Singleton
  MqttLinkSettings linkSettings() {
    BrokerSettings broker = config.broker();
    MqttLinkSettings d =
        MqttLinkSettings.device(
            URI.create(broker.url()),
            config.tenant(),
            config.deviceId(),
            broker.tls().map(t -> new TlsFiles(t.ca(), t.cert(), t.key())));
    return new MqttLinkSettings(
        d.serverUri(),
        broker.clientId(),
        d.topics(),
        d.deviceId(),
        d.tls(),
        broker.keepAlive(),
        d.sessionExpiry(),
        d.reconnectMin(),
        d.reconnectMax());
  }

  @Provides
  @Singleton
  OfflineGuard.Limits offlineLimits() {
    return new OfflineGuard.Limits(
        config.offline().maxItemsPerSession(),
        config.offline().maxOffline(),
        config.offline().maxCacheAge());
  }

  @Provides
  @Singleton
  AdminToken adminToken() {
    try {
      return AdminToken.readFrom(config.dataDir());
    } catch (IOException e) {
      throw new KioskStartException("admin token refused: " + e.getMessage());
    }
  }
}
