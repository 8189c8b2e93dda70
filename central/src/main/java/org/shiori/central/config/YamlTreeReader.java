package org.shiori.central.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into {@link YamlNode}s that remember their line and column (Jackson's
 * {@link JsonLocation}), so every configuration error can point at the place to fix. Duplicate keys
 * are refused: the second one would silently win otherwise.
 */
final class YamlTreeReader {
  private static final YAMLFactory YAML = new YAMLFactory();

  private YamlTreeReader() {}

  static YamlNode read(Path file, String text) throws CentralConfigException {
    try (JsonParser p = YAML.createParser(text.getBytes(StandardCharsets.UTF_8))) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return YamlNode.emptyMapping(1, 1);
      }
      return value(file, p);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new CentralConfigException(
          file,
          at == null ? 0 : at.getLineNr(),
          "(document)",
          "(not readable)",
          "valid YAML: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CentralConfigException(file, 0, "(document)", "(not readable)", e.getMessage());
    }
  }

  private static YamlNode value(Path file, JsonParser p)
      throws IOException, CentralConfigException {
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YamlNode> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int keyLine = p.currentTokenLocation().getLineNr();
          if (map.containsKey(key)) {
            throw new CentralConfigException(
                file, keyLine, key, "(written twice)", "each key once per section");
          }
          p.nextToken();
          map.put(key, value(file, p));
        }
        return new YamlNode(map, line, column);
      }
      case START_ARRAY -> {
        List<YamlNode> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(value(file, p));
        }
        return new YamlNode(list, line, column);
      }
      case VALUE_NULL -> {
        return new YamlNode(null, line, column);
      }
      default -> {
        return new YamlNode(p.getText(), line, column);
      }
    }
  }
}
