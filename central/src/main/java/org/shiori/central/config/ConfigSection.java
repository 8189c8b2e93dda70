package org.shiori.central.config;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the configuration file, read field by field. Each getter names the allowed values
 * in its error; {@link #refuseUnknownKeys()} turns a misspelt key into an error instead of a
 * silently ignored default.
 */
final class ConfigSection {
  private final Path file;
  private final String path;
  private final YamlNode node;
  private final Set<String> known = new LinkedHashSet<>();

  private ConfigSection(Path file, String path, YamlNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  static ConfigSection root(Path file, YamlNode node) throws CentralConfigException {
    if (!node.isMapping()) {
      throw new CentralConfigException(
          file, node.line(), "(document)", "not a mapping", "a YAML mapping of sections");
    }
    return new ConfigSection(file, "", node);
  }

  private String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private Optional<YamlNode> get(String key) {
    known.add(key);
    YamlNode v = node.mapping().get(key);
    return v == null || v.value() == null ? Optional.empty() : Optional.of(v);
  }

  CentralConfigException error(String key, String value, String allowed) {
    YamlNode v = node.mapping().get(key);
    return new CentralConfigException(
        file, v == null ? node.line() : v.line(), name(key), value, allowed);
  }

  boolean has(String key) {
    return get(key).isPresent();
  }

  ConfigSection section(String key) throws CentralConfigException {
    Optional<YamlNode> v = get(key);
    if (v.isEmpty()) {
      return new ConfigSection(file, name(key), YamlNode.emptyMapping(node.line(), node.column()));
    }
    if (!v.get().isMapping()) {
      throw error(key, shown(v.get()), "a mapping (indented keys below '" + key + "')");
    }
    return new ConfigSection(file, name(key), v.get());
  }

  private static String shown(YamlNode n) {
    return n.isScalar() ? "'" + n.scalar() + "'" : n.isSequence() ? "a list" : "a mapping";
  }

  private String scalar(String key, String allowed) throws CentralConfigException {
    YamlNode v = get(key).orElseThrow(() -> error(key, "(missing)", allowed));
    if (!v.isScalar()) {
      throw error(key, shown(v), allowed);
    }
    return v.scalar();
  }

  String text(String key, String pattern, String allowed) throws CentralConfigException {
    String s = scalar(key, allowed);
    if (!s.matches(pattern)) {
      throw error(key, "'" + s + "'", allowed);
    }
    return s;
  }

  Optional<String> optionalText(String key, String pattern, String allowed)
      throws CentralConfigException {
    return has(key) ? Optional.of(text(key, pattern, allowed)) : Optional.empty();
  }

  /** A secret: never shown in an error. */
  Optional<String> optionalSecret(String key) throws CentralConfigException {
    if (!has(key)) {
      return Optional.empty();
    }
    YamlNode v = get(key).orElseThrow();
    if (!v.isScalar()) {
      throw error(key, "(hidden)", "a text value");
    }
    return Optional.of(v.scalar());
  }

  int integer(String key, int defaultValue, int min, int max) throws CentralConfigException {
    if (!has(key)) {
      return defaultValue;
    }
    String allowed = "a whole number from " + min + " to " + max;
    String s = scalar(key, allowed);
    try {
      int n = Integer.parseInt(s);
      if (n < min || n > max) {
        throw error(key, s, allowed);
      }
      return n;
    } catch (NumberFormatException e) {
      throw error(key, "'" + s + "'", allowed);
    }
  }

  boolean bool(String key, boolean defaultValue) throws CentralConfigException {
    if (!has(key)) {
      return defaultValue;
    }
    String s = scalar(key, "true or false");
    return switch (s) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "'" + s + "'", "true or false");
    };
  }

  String oneOf(String key, String defaultValue, String... allowed) throws CentralConfigException {
    String list = String.join(", ", allowed);
    if (!has(key) && defaultValue != null) {
      return defaultValue;
    }
    String s = scalar(key, "one of " + list);
    if (!Arrays.asList(allowed).contains(s.toLowerCase(Locale.ROOT))) {
      throw error(key, "'" + s + "'", "one of " + list);
    }
    return s.toLowerCase(Locale.ROOT);
  }

  Optional<Path> optionalPath(String key) throws CentralConfigException {
    if (!has(key)) {
      return Optional.empty();
    }
    String s = scalar(key, "an absolute or relative file path");
    if (s.isBlank()) {
      throw error(key, "''", "an absolute or relative file path");
    }
    Path p = Path.of(s);
    return Optional.of(p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p));
  }

  Path path(String key) throws CentralConfigException {
    return optionalPath(key)
        .orElseThrow(() -> error(key, "(missing)", "an absolute or relative file path"));
  }

  /** Fails on any key no getter asked for, listing the keys this section has. */
  void refuseUnknownKeys() throws CentralConfigException {
    for (Map.Entry<String, YamlNode> e : node.mapping().entrySet()) {
      if (!known.contains(e.getKey())) {
        throw new CentralConfigException(
            file,
            e.getValue().line(),
            name(e.getKey()),
            "(unknown key)",
            "the keys " + List.copyOf(known));
      }
    }
  }
}
