package org.shiori.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/config.md documents every key and shows the shipped examples exactly. */
class ConfigDocumentationTest {
  private static final Path DOC = Path.of("..", "docs", "config.md");

  @Test
  void everyKeyOfTheExamplesAndTheirDefaultsIsDocumentedInATableRow() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    List<String> keys = new ArrayList<>();
    for (String example : List.of(ExampleConfigs.KIOSK, ExampleConfigs.GATE)) {
      collectKeys(
          new YAMLMapper().readTree(ExampleConfigs.examplesDirectory().resolve(example).toFile()),
          "",
          keys);
    }
    keys.addAll(List.of("broker.clientId", "reader.parity", "reader.dataBits", "reader.stopBits"));

    assertThat(keys).hasSizeGreaterThan(30);
    for (String key : keys) {
      assertThat(doc).as("documented key %s", key).contains("| `" + key + "` |");
    }
  }

  @Test
  void examplesAppearVerbatim() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    for (String example : List.of(ExampleConfigs.KIOSK, ExampleConfigs.GATE)) {
      String text =
          Files.readString(
              ExampleConfigs.examplesDirectory().resolve(example), StandardCharsets.UTF_8);
      assertThat(doc).as(example).contains("```yaml\n" + text + "```");
    }
  }

  private static void collectKeys(JsonNode node, String prefix, List<String> keys) {
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = prefix + field.getKey();
      if (field.getValue().isObject()) {
        collectKeys(field.getValue(), key + ".", keys);
      } else {
        keys.add(key);
      }
    }
  }
}
