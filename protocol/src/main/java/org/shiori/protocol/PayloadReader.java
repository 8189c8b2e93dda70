package org.shiori.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.shiori.circulation.domain.PatronKey;

/**
 * Strict, field-by-field reading of a JSON payload: every field has the type and range the schema
 * says, unknown fields are refused (a new field means a new {@code schemaVersion}).
 */
final class PayloadReader {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  static final Pattern PATRON_KEY = Pattern.compile("[0-9a-f]{16,64}");
  static final Pattern ITEM_ID = Pattern.compile("[\\x21-\\x7E]{1,128}");
  private static final int MAX_TEXT = 512;

  private final JsonNode node;
  private final String path;

  private PayloadReader(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static PayloadReader parse(byte[] payload, int maxBytes) throws PayloadException {
    if (payload.length > maxBytes) {
      throw new PayloadException(
          "payload of " + payload.length + " bytes exceeds the limit of " + maxBytes);
    }
    JsonNode root;
    try {
      root = JsonPayloads.MAPPER.readTree(payload);
    } catch (StreamConstraintsException e) {
      throw new PayloadException(
          "JSON nested deeper than " + JsonPayloads.MAX_DEPTH + " levels or otherwise too large");
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      throw new PayloadException(
          at == null
              ? "not valid JSON"
              : "not valid JSON at line " + at.getLineNr() + " column " + at.getColumnNr());
    } catch (java.io.IOException e) {
      throw new PayloadException("unreadable payload");
    }
    if (root == null || !root.isObject()) {
      throw new PayloadException("payload is not a JSON object");
    }
    return new PayloadReader(root, "");
  }

  void requireSchemaVersion(int expected) throws PayloadException {
    JsonNode v = field("schemaVersion");
    if (!v.isIntegralNumber() || v.asLong() != expected) {
      throw new PayloadException("schemaVersion must be " + expected);
    }
  }

  void allowOnly(String... names) throws PayloadException {
    Set<String> allowed = Set.copyOf(Arrays.asList(names));
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new PayloadException("unknown " + where(safeName(name)));
      }
    }
  }

  boolean has(String name) {
    return node.has(name) && !node.get(name).isNull();
  }

  String requireText(String name, int maxLength) throws PayloadException {
    JsonNode v = field(name);
    if (!v.isTextual()) {
      throw wrongType(name, "a string");
    }
    String s = v.textValue();
    if (s.isEmpty() || s.length() > maxLength) {
      throw new PayloadException(where(name) + " must be 1 to " + maxLength + " characters");
    }
    return s;
  }

  String requireText(String name) throws PayloadException {
    return requireText(name, MAX_TEXT);
  }

  /** An identifier safe in topics and logs: 1-64 of [A-Za-z0-9_.-]. */
  String requireSegment(String name) throws PayloadException {
    String s = requireText(name, 64);
    if (!SEGMENT.matcher(s).matches()) {
      throw new PayloadException(where(name) + " must be 1-64 of [A-Za-z0-9_.-]");
    }
    return s;
  }

  /** Reads one field of a given type. */
  @FunctionalInterface
  interface Field<T> {
    T read(String name) throws PayloadException;
  }

  /** A field that must be present, as a value or as {@code null}. */
  <T> Optional<T> optional(String name, Field<T> reader) throws PayloadException {
    return has(name) ? Optional.of(reader.read(name)) : optionalPresentOrNull(name);
  }

  /** An item identifier: 1-128 printable ASCII characters, no spaces. */
  String requireItemId(String name) throws PayloadException {
    String s = requireText(name, 128);
    if (!ITEM_ID.matcher(s).matches()) {
      throw new PayloadException(where(name) + " must be 1-128 printable ASCII characters");
    }
    return s;
  }

  Optional<String> optionalText(String name, int maxLength) throws PayloadException {
    return has(name) ? Optional.of(requireText(name, maxLength)) : optionalPresentOrNull(name);
  }

  long requireLong(String name, long min, long max) throws PayloadException {
    JsonNode v = field(name);
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw wrongType(name, "an integer");
    }
    long n = v.longValue();
    if (n < min || n > max) {
      throw new PayloadException(where(name) + " must be between " + min + " and " + max);
    }
    return n;
  }

  int requireInt(String name, int min, int max) throws PayloadException {
    return (int) requireLong(name, min, max);
  }

  boolean requireBoolean(String name) throws PayloadException {
    JsonNode v = field(name);
    if (!v.isBoolean()) {
      throw wrongType(name, "true or false");
    }
    return v.booleanValue();
  }

  String requireEnum(String name, String... allowed) throws PayloadException {
    return requireOneOf(name, allowed, a -> a);
  }

  <E extends Enum<E>> E requireEnum(String name, Class<E> type) throws PayloadException {
    return requireOneOf(name, type.getEnumConstants(), Enum::name);
  }

  private <T> T requireOneOf(String name, T[] allowed, Function<T, String> spelling)
      throws PayloadException {
    String s = requireText(name, 64);
    for (T a : allowed) {
      if (spelling.apply(a).equals(s)) {
        return a;
      }
    }
    throw new PayloadException(where(name) + " must be one of " + Arrays.toString(allowed));
  }

  UUID requireUuid(String name) throws PayloadException {
    String s = requireText(name, 36);
    try {
      UUID id = UUID.fromString(s);
      if (!id.toString().equals(s)) {
        throw new IllegalArgumentException("non-canonical");
      }
      return id;
    } catch (IllegalArgumentException e) {
      throw new PayloadException(where(name) + " must be a canonical lowercase UUID");
    }
  }

  Instant requireInstant(String name) throws PayloadException {
    return requireParsed(name, 40, Instant::parse, "an ISO-8601 instant in UTC");
  }

  LocalDate requireDate(String name) throws PayloadException {
    return requireParsed(name, 10, LocalDate::parse, "a date yyyy-mm-dd");
  }

  private <T> T requireParsed(
      String name, int maxLength, Function<String, T> parser, String expected)
      throws PayloadException {
    String s = requireText(name, maxLength);
    try {
      return parser.apply(s);
    } catch (DateTimeParseException e) {
      throw new PayloadException(where(name) + " must be " + expected);
    }
  }

  Optional<LocalDate> optionalDate(String name) throws PayloadException {
    return has(name) ? Optional.of(requireDate(name)) : optionalPresentOrNull(name);
  }

  PatronKey requirePatronKey(String name) throws PayloadException {
    String s = requireText(name, 64);
    if (!PATRON_KEY.matcher(s).matches()) {
      throw new PayloadException(where(name) + " must be a patron key (16-64 lowercase hex)");
    }
    return new PatronKey(s);
  }

  Optional<PatronKey> optionalPatronKey(String name) throws PayloadException {
    return has(name) ? Optional.of(requirePatronKey(name)) : optionalPresentOrNull(name);
  }

  /** A nested object that may be absent or null (fields added after version 1 of a record). */
  Optional<PayloadReader> optionalObject(String name) throws PayloadException {
    if (!has(name)) {
      return Optional.empty();
    }
    JsonNode v = node.get(name);
    if (!v.isObject()) {
      throw wrongType(name, "an object");
    }
    return Optional.of(new PayloadReader(v, path + name + "."));
  }

  /** An ISO-8601 period ({@code P28D}, {@code P4W}, {@code P1M}) of 1 day to 1 year. */
  java.time.Period requirePeriod(String name) throws PayloadException {
    java.time.Period p =
        requireParsed(name, 16, java.time.Period::parse, "an ISO-8601 period such as P28D");
    if (p.isNegative() || p.isZero() || p.toTotalMonths() > 12 || p.getDays() > 366) {
      throw new PayloadException(where(name) + " must be a period of 1 day to 1 year");
    }
    return p;
  }

  List<PayloadReader> requireObjects(String name, int maxCount) throws PayloadException {
    JsonNode v = field(name);
    if (!v.isArray()) {
      throw wrongType(name, "an array");
    }
    if (v.size() > maxCount) {
      throw new PayloadException(where(name) + " has more than " + maxCount + " entries");
    }
    List<PayloadReader> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      String p = path + name + "[" + i + "]";
      if (!e.isObject()) {
        throw new PayloadException("field '" + p + "' must be an object");
      }
      out.add(new PayloadReader(e, p + "."));
    }
    return out;
  }

  List<String> requireSegments(String name, int maxCount) throws PayloadException {
    return requireStrings(name, maxCount, SEGMENT, "1-64 of [A-Za-z0-9_.-]");
  }

  List<String> requireStrings(String name, int maxCount, Pattern each, String rule)
      throws PayloadException {
    JsonNode v = field(name);
    if (!v.isArray()) {
      throw wrongType(name, "an array");
    }
    if (v.size() > maxCount) {
      throw new PayloadException(where(name) + " has more than " + maxCount + " entries");
    }
    List<String> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || !each.matcher(e.textValue()).matches()) {
        throw new PayloadException("field '" + path + name + "[" + i + "]' must be " + rule);
      }
      out.add(e.textValue());
    }
    return out;
  }

  Map<String, Integer> requireCounts(String name) throws PayloadException {
    JsonNode v = field(name);
    if (!v.isObject()) {
      throw wrongType(name, "an object of counts");
    }
    if (v.size() > 64) {
      throw new PayloadException(where(name) + " has more than 64 entries");
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!SEGMENT.matcher(e.getKey()).matches()
          || !e.getValue().isIntegralNumber()
          || e.getValue().longValue() < 0
          || e.getValue().longValue() > 10_000) {
        throw new PayloadException(where(name) + " must map material ids to counts 0-10000");
      }
      out.put(e.getKey(), e.getValue().intValue());
    }
    return out;
  }

  private <T> Optional<T> optionalPresentOrNull(String name) throws PayloadException {
    if (!node.has(name)) {
      throw new PayloadException(where(name) + " is missing (use null for none)");
    }
    return Optional.empty();
  }

  private JsonNode field(String name) throws PayloadException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new PayloadException(where(name) + " is missing");
    }
    return v;
  }

  private PayloadException wrongType(String name, String expected) {
    return new PayloadException(where(name) + " must be " + expected);
  }

  private String where(String name) {
    return "field '" + path + name + "'";
  }

  private static String safeName(String name) {
    return SEGMENT.matcher(name).matches() ? name : "(unprintable name)";
  }
}
