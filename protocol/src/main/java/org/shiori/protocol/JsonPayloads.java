package org.shiori.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The one JSON configuration of all MQTT payloads: compact, fields written in a fixed order by each
 * codec (so encodings are byte-stable), duplicate keys refused on reading.
 */
final class JsonPayloads {
  /**
   * Deepest nesting of objects and arrays accepted. The deepest schema (a sync message's record
   * inside its array) needs 3; anything far deeper is hostile and is refused by the parser before
   * it builds a tree.
   */
  static final int MAX_DEPTH = 16;

  static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonPayloads() {}

  static JsonGenerator generator(OutputStream out) throws IOException {
    return FACTORY.createGenerator(out, JsonEncoding.UTF8);
  }
}
