package org.shiori.config;

/** Reads {@code security}: AFI or EAS, and the two AFI values (ISO 28560-1 defaults). */
final class SecuritySection {
  static final int AFI_SECURED = 0x07;
  static final int AFI_RELEASED = 0xC2;

  private SecuritySection() {}

  static SecuritySettings read(SectionReader security) {
    security.allowOnly("mode", "afiSecured", "afiReleased");
    SecurityMode mode = security.choice("mode", SecurityMode.class).orElse(SecurityMode.AFI);
    int secured = security.octet("afiSecured", AFI_SECURED);
    int released = security.octet("afiReleased", AFI_RELEASED);
    if (secured == released) {
      security.report(
          "afiReleased", hex(released), "a value different from afiSecured (" + hex(secured) + ")");
    }
    return new SecuritySettings(mode, secured, released);
  }

  static String hex(int octet) {
    return String.format("0x%02X", octet);
  }
}
