package org.shiori.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {
  @Test
  void keepsKeyAndValuePositionsOfNestedMappings() throws YamlSyntaxException {
    YamlMap root =
        YamlTreeReader.read("a: 1\nreader:\n  baud: 12345\n  port: \"/dev/tty0\"\n").root();

    YamlMap.Entry reader = root.entries().get("reader");
    assertThat(reader.keyPosition()).isEqualTo(new SourcePosition(2, 1));
    YamlMap nested = (YamlMap) reader.value();
    assertThat(nested.get("baud")).contains(new YamlScalar("12345", new SourcePosition(3, 9)));
    assertThat(nested.get("port")).contains(new YamlScalar("/dev/tty0", new SourcePosition(4, 9)));
  }

  @Test
  void keepsScalarsAsWrittenAndEmptyValuesAsEmptyText() throws YamlSyntaxException {
    YamlMap root = YamlTreeReader.read("afi: 0x07\nzero: 010\nnone:\ntilde: ~\n").root();

    assertThat(root.get("afi")).get().extracting(YamlNode::describe).isEqualTo("0x07");
    assertThat(root.get("zero")).get().extracting(YamlNode::describe).isEqualTo("010");
    assertThat(root.get("none")).get().extracting(YamlNode::describe).isEqualTo("");
    assertThat(root.get("tilde")).get().extracting(YamlNode::describe).isEqualTo("");
  }

  @Test
  void reportsDuplicateKeysWithBothPositionsAndKeepsTheFirstValue() throws YamlSyntaxException {
    YamlDocument document = YamlTreeReader.read("x:\n  a: 1\n  a: 2\n");

    assertThat(document.duplicateKeys())
        .containsExactly(
            new DuplicateKey("x.a", new SourcePosition(3, 3), new SourcePosition(2, 3)));
    assertThat(((YamlMap) document.root().get("x").orElseThrow()).get("a"))
        .get()
        .extracting(YamlNode::describe)
        .isEqualTo("1");
  }

  @Test
  void tabIndentationIsASyntaxErrorWithItsPosition() {
    YamlSyntaxException e =
        catchThrowableOfType(() -> YamlTreeReader.read("a:\n\tb: 1\n"), YamlSyntaxException.class);

    assertThat(e.position().line()).isEqualTo(2);
    assertThat(e.problem()).containsIgnoringCase("do not use").containsIgnoringCase("tab");
  }

  @Test
  void secondDocumentIsRejected() {
    YamlSyntaxException e =
        catchThrowableOfType(
            () -> YamlTreeReader.read("a: 1\n---\nb: 2\n"), YamlSyntaxException.class);

    assertThat(e.problem()).isEqualTo("only one YAML document is allowed");
    assertThat(e.position().line()).isEqualTo(3);
  }
}
