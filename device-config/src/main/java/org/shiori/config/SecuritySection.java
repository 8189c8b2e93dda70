package org.shiori.config;

import java.util.Locale;
import java.util.Optional;
import org.shiori.rfid.security.SecurityMode.Method;

/** Reads {@code security}: AFI or EAS, and the two AFI values (ISO 28560-1 defaults). */
final class SecuritySection {
  static final int AFI_SECURED = 0x07;
  static final int AFI_RELEASED = 0xC2;

  private SecuritySection() {}

  static SecuritySettings read(SectionReader security) {
    security.allowOnly("mode", "afiSecured", "afiReleased");
    Method mode =
        security.choice("mode", Method.class, SecuritySection::configName).orElse(Method.AFI);
    Optional<Integer> secured = security.validOctet("afiSecured", AFI_SECURED);
    Optional<Integer> released = security.validOctet("afiReleased", AFI_RELEASED);
    if (secured.isPresent() && secured.equals(released)) {
      // A tag could never be told lent from returned; reported where the clash was written.
      String key = security.has("afiReleased") ? "afiReleased" : "afiSecured";
      String other = key.equals("afiReleased") ? "afiSecured" : "afiReleased";
      security.report(
          key,
          security.written(key),
          "a value different from " + other + " (" + hex(secured.get()) + ")");
    }
    return new SecuritySettings(mode, secured.orElse(AFI_SECURED), released.orElse(AFI_RELEASED));
  }

  private static String configName(Method method) {
    return method.name().toLowerCase(Locale.ROOT);
  }

  static String hex(int octet) {
    return String.format("0x%02X", octet);
  }
}
