package org.shiori.central.ils.sip2;

/** Reads a received message's fixed-length fields strictly, with errors naming the field. */
final class Sip2FixedFields {
  private final Sip2Message message;

  Sip2FixedFields(Sip2Message message, Sip2Command expected) throws Sip2ProtocolException {
    if (message.command() != expected) {
      throw new Sip2ProtocolException(
          "Expected SIP2 " + expected.id() + ", got " + message.command().id());
    }
    this.message = message;
  }

  /** A '0'/'1' field such as "ok". */
  boolean zeroOrOne(int position, String name) throws Sip2ProtocolException {
    char c = charAt(position);
    if (c == '1') {
      return true;
    }
    if (c == '0') {
      return false;
    }
    throw bad(position, name, c, "0 or 1");
  }

  /** A 'Y'/'N' field. */
  boolean yesNo(int position, String name) throws Sip2ProtocolException {
    char c = charAt(position);
    if (c == 'Y') {
      return true;
    }
    if (c == 'N') {
      return false;
    }
    throw bad(position, name, c, "Y or N");
  }

  /** A 'Y'/'N'/'U' field, returned as that character. */
  char yesNoUnknown(int position, String name) throws Sip2ProtocolException {
    char c = charAt(position);
    if (c == 'Y' || c == 'N' || c == 'U') {
      return c;
    }
    throw bad(position, name, c, "Y, N or U");
  }

  /** A field of {@code length} digits. */
  String digits(int position, int length, String name) throws Sip2ProtocolException {
    String text = text(position, length);
    for (int i = 0; i < length; i++) {
      if (!Character.isDigit(text.charAt(i)) || text.charAt(i) > '9') {
        throw bad(position + i, name, text.charAt(i), length + " digits");
      }
    }
    return text;
  }

  String text(int position, int length) {
    return message.fixedFields().substring(position, position + length);
  }

  private char charAt(int position) {
    return message.fixedFields().charAt(position);
  }

  private Sip2ProtocolException bad(int position, String name, char found, String allowed) {
    return new Sip2ProtocolException(
        "SIP2 "
            + message.command().id()
            + " fixed field '"
            + name
            + "' at position "
            + (position + 2)
            + " is "
            + (found >= 0x20 && found < 0x7F
                ? "'" + found + "'"
                : String.format("U+%04X", (int) found))
            + ", expected "
            + allowed);
  }
}
