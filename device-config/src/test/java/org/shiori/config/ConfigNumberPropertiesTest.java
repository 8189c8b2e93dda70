package org.shiori.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Properties of the number rules: any byte loads the same in decimal and hex; others fail. */
class ConfigNumberPropertiesTest {
  private static final String BASE =
      "deviceId: kiosk-01\nrole: kiosk\ntenant: t\nbranch: central\n"
          + "broker:\n  url: tcp://localhost:1883\nreader:\n  protocol: emulated\n";

  @Property(tries = 60)
  void afiByteReadsTheSameInDecimalAndHex(@ForAll @IntRange(min = 0, max = 255) int afi)
      throws ConfigException {
    int released = afi == 0xC2 ? 0x07 : 0xC2;
    String decimal = BASE + "security:\n  afiSecured: " + afi + "\n  afiReleased: " + released;
    String hex =
        BASE
            + "security:\n  afiSecured: 0x"
            + Integer.toHexString(afi)
            + "\n  afiReleased: "
            + released;

    assertThat(DeviceConfig.fromYaml(decimal, "d.yaml").security().afiSecured()).isEqualTo(afi);
    assertThat(DeviceConfig.fromYaml(hex, "h.yaml").security().afiSecured()).isEqualTo(afi);
  }

  @Property(tries = 60)
  void portsOutsideTheRangeAreRejectedAtTheirLine(
      @ForAll @IntRange(min = 65536, max = 999_999_999) int port) {
    String yaml = BASE + "ui:\n  port: " + port + "\n";

    try {
      DeviceConfig.fromYaml(yaml, "p.yaml");
      throw new AssertionError("port " + port + " accepted");
    } catch (ConfigException e) {
      assertThat(e.errors())
          .singleElement()
          .hasToString(
              "p.yaml:10:9: ui.port: found \"" + port + "\", allowed: an integer from 1 to 65535");
    }
  }
}
