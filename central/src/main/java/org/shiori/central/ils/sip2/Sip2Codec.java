package org.shiori.central.ils.sip2;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns SIP2 messages into bytes and back: fields joined by the field delimiter, text in the chosen
 * character set, and, with error detection on, the AY sequence number and the AZ checksum over the
 * encoded bytes. The terminator is not part of what this class reads; {@link #encode} appends it.
 */
public final class Sip2Codec {
  private final char delimiter;
  private final Charset charset;
  private final Sip2Terminator terminator;
  private final boolean errorDetection;

  public Sip2Codec(
      char delimiter, Charset charset, Sip2Terminator terminator, boolean errorDetection) {
    this.delimiter = delimiter;
    this.charset = Objects.requireNonNull(charset, "charset");
    this.terminator = Objects.requireNonNull(terminator, "terminator");
    this.errorDetection = errorDetection;
  }

  public static Sip2Codec of(Sip2Settings settings) {
    return new Sip2Codec(
        settings.fieldDelimiter(),
        settings.charset(),
        settings.messageTerminator(),
        settings.errorDetection());
  }

  /**
   * The bytes of a message, terminator included.
   *
   * @param sequenceNumber 0 to 9; ignored without error detection and for resend requests
   * @throws IllegalArgumentException if a value holds the delimiter, a CR or LF, or a character the
   *     character set cannot encode
   */
  public byte[] encode(Sip2Message message, int sequenceNumber) {
    if (sequenceNumber < 0 || sequenceNumber > 9) {
      throw new IllegalArgumentException("SIP2 sequence number must be 0 to 9: " + sequenceNumber);
    }
    StringBuilder text = new StringBuilder();
    text.append(message.command().id());
    checkFreeOfSeparators("fixed fields", message.fixedFields(), message);
    text.append(message.fixedFields());
    for (Sip2Field field : message.fields()) {
      checkFreeOfSeparators(field.code(), field.value(), message);
      text.append(field.code()).append(field.value()).append(delimiter);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (errorDetection) {
      if (!message.command().isResendRequest()) {
        text.append("AY").append(sequenceNumber);
      }
      text.append("AZ");
      byte[] body = encodeText(text, message);
      out.writeBytes(body);
      out.writeBytes(Sip2Checksum.of(body, body.length).getBytes(StandardCharsets.US_ASCII));
    } else {
      out.writeBytes(encodeText(text, message));
    }
    out.writeBytes(terminator.bytes());
    return out.toByteArray();
  }

  /**
   * Decodes one message received without its terminator.
   *
   * @throws Sip2ChecksumException when the checksum is wrong (ask for a resend)
   * @throws Sip2ProtocolException for anything else that is not a well-formed known message
   */
  public Sip2Frame decode(byte[] bytes) throws Sip2ProtocolException {
    int end = bytes.length;
    OptionalInt sequence = OptionalInt.empty();
    boolean hasChecksum =
        end >= 6 && bytes[end - 6] == 'A' && bytes[end - 5] == 'Z' && isHex(bytes, end - 4, 4);
    if (hasChecksum) {
      String received = new String(bytes, end - 4, 4, StandardCharsets.US_ASCII);
      String expected = Sip2Checksum.of(bytes, end - 4);
      if (!received.equalsIgnoreCase(expected)) {
        throw new Sip2ChecksumException(
            "SIP2 "
                + commandIdForError(bytes)
                + " checksum AZ"
                + received
                + " does not match the bytes (expected AZ"
                + expected
                + ")");
      }
      end -= 6;
      if (end >= 3 && bytes[end - 3] == 'A' && bytes[end - 2] == 'Y' && isDigit(bytes[end - 1])) {
        sequence = OptionalInt.of(bytes[end - 1] - '0');
        end -= 3;
      }
    } else if (errorDetection) {
      throw new Sip2ProtocolException(
          "SIP2 " + commandIdForError(bytes) + " has no AZ checksum, but error detection is on");
    }
    String text = decodeText(bytes, end);
    return new Sip2Frame(parse(text), sequence);
  }

  private Sip2Message parse(String text) throws Sip2ProtocolException {
    if (text.length() < 2) {
      throw new Sip2ProtocolException(
          "SIP2 message too short: " + text.length() + " characters, no command identifier");
    }
    String id = text.substring(0, 2);
    Optional<Sip2Command> command = Sip2Command.byId(id);
    if (command.isEmpty()) {
      throw new Sip2ProtocolException("Unknown SIP2 command identifier '" + printable(id) + "'");
    }
    int fixedEnd = 2 + command.get().fixedLength();
    if (text.length() < fixedEnd) {
      throw new Sip2ProtocolException(
          "SIP2 "
              + id
              + " too short: "
              + (text.length() - 2)
              + " characters of fixed fields, needs "
              + command.get().fixedLength());
    }
    List<Sip2Field> fields = new ArrayList<>();
    int start = fixedEnd;
    while (start < text.length()) {
      int next = text.indexOf(delimiter, start);
      int stop = next < 0 ? text.length() : next;
      if (stop > start) {
        if (stop - start < 2) {
          throw new Sip2ProtocolException(
              "SIP2 " + id + ": variable field at character " + start + " has no 2-letter code");
        }
        String code = text.substring(start, start + 2);
        if (!isFieldCode(code)) {
          throw new Sip2ProtocolException(
              "SIP2 "
                  + id
                  + ": '"
                  + printable(code)
                  + "' at character "
                  + start
                  + " is not a field code");
        }
        fields.add(new Sip2Field(code, text.substring(start + 2, stop)));
      }
      start = stop + 1;
    }
    return new Sip2Message(command.get(), text.substring(2, fixedEnd), fields);
  }

  private byte[] encodeText(CharSequence text, Sip2Message message) {
    try {
      ByteBuffer buffer =
          charset
              .newEncoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "SIP2 " + message.describeForLog() + " holds a character " + charset + " cannot encode",
          e);
    }
  }

  private String decodeText(byte[] bytes, int length) throws Sip2ProtocolException {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Sip2ProtocolException(
          "SIP2 " + commandIdForError(bytes) + " is not valid " + charset + " text", e);
    }
  }

  private void checkFreeOfSeparators(String what, String value, Sip2Message message) {
    if (value.indexOf(delimiter) >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException(
          "SIP2 "
              + message.command().id()
              + " "
              + what
              + " must not hold the field delimiter '"
              + delimiter
              + "', CR or LF");
    }
  }

  private static boolean isFieldCode(String code) {
    return Character.isLetterOrDigit(code.charAt(0))
        && code.charAt(0) < 128
        && Character.isLetterOrDigit(code.charAt(1))
        && code.charAt(1) < 128;
  }

  private static String commandIdForError(byte[] bytes) {
    if (bytes.length >= 2 && isDigit(bytes[0]) && isDigit(bytes[1])) {
      return new String(bytes, 0, 2, StandardCharsets.US_ASCII);
    }
    return "message";
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return out.toString();
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static boolean isHex(byte[] bytes, int from, int count) {
    for (int i = from; i < from + count; i++) {
      byte b = bytes[i];
      boolean hex = isDigit(b) || (b >= 'A' && b <= 'F') || (b >= 'a' && b <= 'f');
      if (!hex) {
        return false;
      }
    }
    return true;
  }
}
