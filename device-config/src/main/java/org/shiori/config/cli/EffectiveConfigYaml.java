package org.shiori.config.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.shiori.config.BrokerSettings;
import org.shiori.config.DeviceConfig;
import org.shiori.config.GateSettings;
import org.shiori.config.ReaderSettings;
import org.shiori.config.SecuritySettings;

/**
 * Writes a {@link DeviceConfig} back as YAML in the file's own layout, so the output of {@code
 * show} can itself be loaded. Key files appear as paths only.
 */
final class EffectiveConfigYaml {
  private static final YAMLMapper MAPPER =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private EffectiveConfigYaml() {}

  static String write(DeviceConfig config) {
    try {
      return MAPPER.writeValueAsString(tree(config));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> tree(DeviceConfig config) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("deviceId", config.deviceId());
    root.put("role", config.role().configName());
    root.put("tenant", config.tenant());
    root.put("branch", config.branch());
    root.put("zone", config.zone().getId());
    root.put("locale", config.locale().getLanguage());
    root.put("broker", broker(config.broker()));
    root.put("reader", reader(config.reader()));
    root.put("security", security(config.security()));
    root.put("dataDir", config.dataDir().toString());
    root.put("privacy", Map.of("tenantKeyFile", config.privacy().tenantKeyFile().toString()));
    root.put("ui", Map.of("port", config.ui().port()));
    root.put("admin", Map.of("port", config.admin().port()));
    root.put("policy", config.policy().describe());
    Map<String, Object> offline = new LinkedHashMap<>();
    offline.put("maxItemsPerSession", config.offline().maxItemsPerSession());
    offline.put("maxHoursOffline", config.offline().maxHoursOffline());
    offline.put("maxCacheAgeHours", config.offline().maxCacheAgeHours());
    root.put("offline", offline);
    root.put("outbox", Map.of("capacity", config.outbox().capacity()));
    config.gate().ifPresent(gate -> root.put("gate", gate(gate)));
    if (config.role() == org.shiori.config.DeviceRole.KIOSK) {
      root.put("card", card(config.card()));
      root.put("session", session(config.session()));
    }
    return root;
  }

  private static Map<String, Object> broker(BrokerSettings broker) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("url", broker.url());
    broker
        .tls()
        .ifPresent(
            tls -> {
              Map<String, Object> files = new LinkedHashMap<>();
              files.put("ca", tls.ca().toString());
              files.put("cert", tls.cert().toString());
              files.put("key", tls.key().toString());
              map.put("tls", files);
            });
    map.put("clientId", broker.clientId());
    map.put("keepAliveSeconds", broker.keepAliveSeconds());
    return map;
  }

  private static Map<String, Object> reader(ReaderSettings reader) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("protocol", reader.protocol().label());
    reader.port().ifPresent(port -> map.put("port", port));
    map.put("baud", reader.baud());
    map.put("parity", reader.parity().name().toLowerCase(Locale.ROOT));
    map.put("dataBits", reader.dataBits());
    map.put("stopBits", reader.stopBits());
    map.put("busAddress", reader.busAddress());
    return map;
  }

  private static Map<String, Object> security(SecuritySettings security) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("mode", security.mode().name().toLowerCase(Locale.ROOT));
    map.put("afiSecured", String.format("0x%02X", security.afiSecured()));
    map.put("afiReleased", String.format("0x%02X", security.afiReleased()));
    return map;
  }

  private static Map<String, Object> gate(GateSettings gate) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("alarmMode", gate.alarmMode().configName());
    map.put("lightPin", gate.lightPin());
    map.put("buzzerPin", gate.buzzerPin());
    gate.beams()
        .ifPresent(
            beams -> {
              map.put("outerBeamPin", beams.outerPin());
              map.put("innerBeamPin", beams.innerPin());
              map.put("beamDebounceMillis", beams.debounceMillis());
            });
    gate.tamperPin().ifPresent(pin -> map.put("tamperPin", pin));
    map.put("alarmMillis", gate.alarmMillis());
    return map;
  }

  private static Map<String, Object> card(org.shiori.config.CardSettings card) {
    Map<String, Object> map = new LinkedHashMap<>();
    card.evdev()
        .ifPresent(e -> map.put("evdev", Map.of("path", e.path(), "eventBytes", e.eventBytes())));
    card.serial()
        .ifPresent(
            s -> {
              Map<String, Object> serial = new LinkedHashMap<>();
              serial.put("port", s.port());
              serial.put("baud", s.baud());
              serial.put("prefix", s.prefix());
              serial.put("suffix", s.suffix().configName());
              map.put("serial", serial);
            });
    card.pad().ifPresent(p -> map.put("pad", Map.of("usage", p.usage())));
    card.pcsc()
        .ifPresent(
            p -> {
              Map<String, Object> pcsc = new LinkedHashMap<>();
              p.reader().ifPresent(r -> pcsc.put("reader", r));
              pcsc.put("data", p.data().configName());
              map.put("pcsc", pcsc);
            });
    Map<String, Object> codabar = new LinkedHashMap<>();
    codabar.put("start", card.codabar().start());
    codabar.put("stop", card.codabar().stop());
    codabar.put("check", card.codabar().check().configName());
    map.put("codabar", codabar);
    Map<String, Object> pin = new LinkedHashMap<>();
    pin.put("maxFailures", card.pin().maxFailures());
    pin.put("lockoutMinutes", card.pin().lockoutMinutes());
    pin.put("offline", card.pin().offline().configName());
    map.put("pin", pin);
    return map;
  }

  private static Map<String, Object> session(org.shiori.config.SessionSettings session) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("idleSeconds", session.idleSeconds());
    map.put("extendSeconds", session.extendSeconds());
    map.put("abandonSeconds", session.abandonSeconds());
    map.put("returnClearSeconds", session.returnClearSeconds());
    map.put("incompleteSetReturn", session.incompleteSetReturn().configName());
    return map;
  }
}
