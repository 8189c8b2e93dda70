package org.shiori.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.shiori.yaml.DuplicateKey;
import org.shiori.yaml.SourcePosition;
import org.shiori.yaml.YamlDocument;
import org.shiori.yaml.YamlSyntaxException;
import org.shiori.yaml.YamlTreeReader;

/**
 * Loads a device's YAML configuration file into a {@link DeviceConfig}, reporting every mistake in
 * the file at once. Relative file paths in the configuration resolve against the file's directory.
 */
public final class DeviceConfigLoader {
  private DeviceConfigLoader() {}

  /** Largest configuration file read; a real one is a few kilobytes. */
  public static final int MAX_BYTES = 64 * 1024;

  public static DeviceConfig load(Path file) throws ConfigException {
    String name = file.toString();
    return parse(readText(file, name), name, baseDirectoryOf(name));
  }

  /**
   * Reads at most {@link #MAX_BYTES} of a regular file as strict UTF-8 text: a device, a pipe, a
   * huge or a binary file is refused before it is read whole.
   */
  private static String readText(Path file, String name) throws ConfigException {
    if (!Files.exists(file)) {
      throw fileProblem(name, "cannot read file: no such file");
    }
    if (!Files.isRegularFile(file)) {
      throw fileProblem(name, "cannot read file: not a regular file (a device, pipe or directory)");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw fileProblem(name, "cannot read file: no such file");
    } catch (IOException e) {
      throw fileProblem(name, "cannot read file: " + e.getClass().getSimpleName());
    }
    if (bytes.length > MAX_BYTES) {
      throw fileProblem(
          name, "cannot read file: larger than " + MAX_BYTES / 1024 + " KiB, not a configuration");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw fileProblem(name, "cannot read file: not UTF-8 text");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        throw fileProblem(
            name,
            String.format(
                "cannot read file: not text (control character 0x%02x at character %d)",
                (int) c, i));
      }
    }
    return text;
  }

  static DeviceConfig parse(String text, String fileName, Path baseDirectory)
      throws ConfigException {
    ConfigProblems problems = new ConfigProblems(fileName);
    YamlDocument document;
    try {
      document = YamlTreeReader.read(text);
    } catch (YamlSyntaxException e) {
      problems.add(e.position(), "", "YAML syntax error: " + e.problem(), "");
      throw new ConfigException(problems.sorted());
    }
    for (DuplicateKey duplicate : document.duplicateKeys()) {
      problems.add(
          duplicate.position(),
          duplicate.path(),
          duplicate.path().substring(duplicate.path().lastIndexOf('.') + 1),
          "each key once (first written at line " + duplicate.firstPosition().line() + ")");
    }
    SectionReader root = new SectionReader(document.root(), "", problems);
    DeviceConfig config = new DeviceConfigReader(root, new ConfigPaths(baseDirectory)).read();
    problems.throwIfAny();
    return config;
  }

  static Path baseDirectoryOf(String fileName) {
    Path parent = Path.of(fileName).toAbsolutePath().getParent();
    return parent != null ? parent : Path.of("").toAbsolutePath();
  }

  private static ConfigException fileProblem(String fileName, String problem) {
    ConfigProblems problems = new ConfigProblems(fileName);
    problems.add(SourcePosition.NONE, "", problem, "");
    return new ConfigException(problems.sorted());
  }
}
