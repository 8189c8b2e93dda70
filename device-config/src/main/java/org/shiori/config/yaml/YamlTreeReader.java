package org.shiori.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a tree that keeps the line and column of every key and value. Jackson's own
 * tree model drops positions, so the tree is built here from the streaming parser.
 */
public final class YamlTreeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final List<DuplicateKey> duplicates = new ArrayList<>();

  private YamlTreeReader() {}

  /** Parses one document whose root must be a mapping (an empty document is an empty mapping). */
  public static YamlDocument read(String text) throws YamlSyntaxException {
    return new YamlTreeReader().readDocument(text);
  }

  private YamlDocument readDocument(String text) throws YamlSyntaxException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return new YamlDocument(YamlMap.empty(SourcePosition.START), duplicates);
      }
      if (first != JsonToken.START_OBJECT) {
        throw new YamlSyntaxException(
            positionOf(parser.currentTokenLocation()),
            "the file must be a mapping of keys to values",
            null);
      }
      YamlMap root = readMap(parser, "");
      if (parser.nextToken() != null) {
        throw new YamlSyntaxException(
            positionOf(parser.currentTokenLocation()), "only one YAML document is allowed", null);
      }
      return new YamlDocument(root, duplicates);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException marked) {
        throw syntaxError(marked, e);
      }
      throw new YamlSyntaxException(positionOf(e.getLocation()), problemOf(e), e);
    } catch (IOException e) {
      throw new YamlSyntaxException(SourcePosition.START, String.valueOf(e.getMessage()), e);
    }
  }

  private YamlMap readMap(JsonParser parser, String path) throws IOException {
    SourcePosition mapPosition = positionOf(parser.currentTokenLocation());
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      SourcePosition keyPosition = positionOf(parser.currentTokenLocation());
      String childPath = path.isEmpty() ? key : path + "." + key;
      parser.nextToken();
      YamlNode value = readValue(parser, childPath);
      YamlMap.Entry previous = entries.get(key);
      if (previous == null) {
        entries.put(key, new YamlMap.Entry(key, keyPosition, value));
      } else {
        duplicates.add(new DuplicateKey(childPath, keyPosition, previous.keyPosition()));
      }
    }
    return new YamlMap(mapPosition, entries);
  }

  private YamlNode readValue(JsonParser parser, String path) throws IOException {
    SourcePosition position = positionOf(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return readMap(parser, path);
    }
    if (token == JsonToken.START_ARRAY) {
      parser.skipChildren();
      return new YamlSequence(position);
    }
    String text = token == JsonToken.VALUE_NULL ? "" : parser.getText();
    return new YamlScalar(text, position);
  }

  private static SourcePosition positionOf(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourcePosition.START;
    }
    return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /**
   * Names the problem and, when the parser knows it, the construct it was reading ("while parsing a
   * flow sequence"), positioned where that construct starts: an unclosed bracket or quote is found
   * where it was opened, not at the end of the file.
   */
  private static YamlSyntaxException syntaxError(MarkedYAMLException marked, Exception cause) {
    Mark mark = marked.getContextMark() != null ? marked.getContextMark() : marked.getProblemMark();
    SourcePosition position =
        mark == null
            ? SourcePosition.START
            : new SourcePosition(mark.getLine() + 1, mark.getColumn() + 1);
    String problem = String.valueOf(marked.getProblem()).strip();
    if (marked.getContext() != null) {
      problem += " (" + marked.getContext().strip() + ")";
    }
    return new YamlSyntaxException(position, problem, cause);
  }

  /** The parser's own message without the source excerpt it appends. */
  private static String problemOf(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }
}
