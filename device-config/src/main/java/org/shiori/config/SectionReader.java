package org.shiori.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shiori.yaml.SourcePosition;
import org.shiori.yaml.YamlMap;
import org.shiori.yaml.YamlNode;
import org.shiori.yaml.YamlScalar;
import org.shiori.yaml.YamlSequence;

/**
 * Reads the typed values of one mapping of the file. Every bad or missing value is reported to the
 * shared {@link ConfigProblems} and answered with "absent", so reading goes on and all mistakes are
 * found in one pass.
 */
final class SectionReader {
  private final YamlMap map;
  private final String path;
  private final ConfigProblems problems;
  private final boolean malformed;

  SectionReader(YamlMap map, String path, ConfigProblems problems) {
    this(map, path, problems, false);
  }

  /**
   * A {@code malformed} section stands in for a value that was not a mapping (already reported);
   * its missing keys are not reported again.
   */
  private SectionReader(YamlMap map, String path, ConfigProblems problems, boolean malformed) {
    this.map = map;
    this.path = path;
    this.problems = problems;
    this.malformed = malformed;
  }

  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  boolean has(String key) {
    return map.get(key).isPresent();
  }

  /** Where a key's value was written, or where the section starts when the key is absent. */
  SourcePosition positionOf(String key) {
    YamlMap.Entry entry = map.entries().get(key);
    if (entry == null) {
      return map.position();
    }
    return entry.value() instanceof YamlScalar ? entry.value().position() : entry.keyPosition();
  }

  /** Reports every key not in {@code known}, suggesting the closest known key. */
  void allowOnly(String... known) {
    List<String> knownKeys = Arrays.asList(known);
    for (YamlMap.Entry entry : map.entries().values()) {
      if (!knownKeys.contains(entry.key())) {
        String allowed = "one of " + String.join(", ", knownKeys);
        allowed +=
            KeySuggestion.closest(entry.key(), knownKeys)
                .map(s -> " (did you mean \"" + s + "\"?)")
                .orElse("");
        problems.add(entry.keyPosition(), field(entry.key()), entry.key(), allowed);
      }
    }
  }

  /** A nested mapping; an absent key reads as an empty mapping so its defaults apply. */
  SectionReader section(String key) {
    Optional<YamlNode> node = map.get(key);
    if (node.isPresent() && node.get() instanceof YamlMap nested) {
      return new SectionReader(nested, field(key), problems);
    }
    node.ifPresent(n -> report(key, n.describe(), "a mapping of keys"));
    return new SectionReader(
        YamlMap.empty(positionOf(key)), field(key), problems, node.isPresent());
  }

  void report(String key, String value, String allowed) {
    problems.add(positionOf(key), field(key), value, allowed);
  }

  void reportMissing(String key, String allowed) {
    if (malformed) {
      return;
    }
    problems.add(positionOf(key), field(key), null, allowed);
  }

  /** A scalar exactly as written, without any check (for messages about valid values). */
  String written(String key) {
    return map.get(key).map(YamlNode::describe).orElse("");
  }

  /** The text of a scalar value; a list or mapping, or an empty value, is reported. */
  Optional<String> text(String key, String allowed) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (node.get() instanceof YamlScalar scalar && !scalar.text().isBlank()) {
      return Optional.of(scalar.text());
    }
    report(key, node.get().describe(), allowed);
    return Optional.empty();
  }

  Optional<String> matching(String key, Pattern pattern, String allowed) {
    return converted(
        key, allowed, value -> Optional.of(value).filter(v -> pattern.matcher(v).matches()));
  }

  Optional<String> requiredMatching(String key, Pattern pattern, String allowed) {
    if (!has(key)) {
      reportMissing(key, allowed);
    }
    return matching(key, pattern, allowed);
  }

  /** A decimal integer in {@code [min, max]}; absent or invalid means {@code fallback}. */
  int integer(String key, int fallback, int min, int max) {
    return validInteger(key, fallback, min, max).orElse(fallback);
  }

  /** Like {@link #integer} but empty when the value written is invalid (already reported). */
  Optional<Integer> validInteger(String key, int fallback, int min, int max) {
    String allowed = "an integer from " + min + " to " + max;
    return valid(key, fallback, allowed, value -> inRange(ConfigNumbers.decimal(value), min, max));
  }

  /**
   * A byte written in decimal or as {@code 0x..} hexadecimal; {@code fallback} when absent, empty
   * when invalid (already reported).
   */
  Optional<Integer> validOctet(String key, int fallback) {
    String allowed = "0 to 255, decimal or hexadecimal like 0x07";
    return valid(
        key, fallback, allowed, value -> inRange(ConfigNumbers.decimalOrHex(value), 0, 255));
  }

  private Optional<Integer> valid(
      String key, int fallback, String allowed, Function<String, Optional<Integer>> parser) {
    if (!has(key)) {
      return Optional.of(fallback);
    }
    return converted(key, allowed, parser);
  }

  private static Optional<Integer> inRange(Optional<Integer> number, int min, int max) {
    return number.filter(n -> n >= min && n <= max);
  }

  /** One of a fixed list of integers. */
  int oneOf(String key, int fallback, int... allowedValues) {
    String allowed =
        "one of "
            + Arrays.stream(allowedValues)
                .mapToObj(Integer::toString)
                .collect(Collectors.joining(", "));
    return converted(
            key,
            allowed,
            value ->
                ConfigNumbers.decimal(value)
                    .filter(n -> Arrays.stream(allowedValues).anyMatch(a -> a == n)))
        .orElse(fallback);
  }

  /** One of an enum's configuration words. */
  <E extends Enum<E> & ConfigName> Optional<E> choice(String key, Class<E> type) {
    return choice(key, type, ConfigName::configName);
  }

  /**
   * One of an enum's words, for enums of lower modules that name themselves through {@code name}.
   */
  <E extends Enum<E>> Optional<E> choice(String key, Class<E> type, Function<E, String> name) {
    return converted(
        key,
        choicesOf(type, name),
        value ->
            Arrays.stream(type.getEnumConstants())
                .filter(c -> name.apply(c).equals(value))
                .findFirst());
  }

  <E extends Enum<E> & ConfigName> Optional<E> requiredChoice(String key, Class<E> type) {
    return requiredChoice(key, type, ConfigName::configName);
  }

  <E extends Enum<E>> Optional<E> requiredChoice(
      String key, Class<E> type, Function<E, String> name) {
    if (!has(key)) {
      reportMissing(key, choicesOf(type, name));
    }
    return choice(key, type, name);
  }

  private static <E extends Enum<E>> String choicesOf(Class<E> type, Function<E, String> name) {
    return "one of "
        + Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining(", "));
  }

  /** A scalar turned into a value by {@code converter}; a value it rejects is reported. */
  <T> Optional<T> converted(String key, String allowed, Function<String, Optional<T>> converter) {
    return text(key, allowed)
        .flatMap(
            value -> {
              Optional<T> result = converter.apply(value);
              if (result.isEmpty()) {
                report(key, value, allowed);
              }
              return result;
            });
  }

  /**
   * A list of scalars that each match {@code pattern}; absent reads as empty. Each bad item is
   * reported at its own line as {@code field[index]}, and a value written twice once more, so one
   * mistake never hides the others; the good items are kept.
   */
  List<String> matchingList(String key, Pattern pattern, String allowed) {
    Optional<YamlNode> node = map.get(key);
    if (node.isEmpty()) {
      return List.of();
    }
    if (!(node.get() instanceof YamlSequence list)) {
      report(key, node.get().describe(), "a list, each item " + allowed);
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < list.items().size(); i++) {
      YamlNode item = list.items().get(i);
      String field = field(key) + "[" + i + "]";
      if (!(item instanceof YamlScalar scalar) || !pattern.matcher(scalar.text()).matches()) {
        problems.add(item.position(), field, item.describe(), allowed);
      } else if (values.contains(scalar.text())) {
        problems.add(item.position(), field, scalar.text(), "each key once");
      } else {
        values.add(scalar.text());
      }
    }
    return List.copyOf(values);
  }
}
