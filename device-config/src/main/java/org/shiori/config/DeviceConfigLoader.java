package org.shiori.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
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

  public static DeviceConfig load(Path file) throws ConfigException {
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileProblem(name, "cannot read file: no such file");
    } catch (CharacterCodingException e) {
      throw fileProblem(name, "cannot read file: not UTF-8 text");
    } catch (IOException e) {
      throw fileProblem(name, "cannot read file: " + e.getClass().getSimpleName());
    }
    return parse(text, name, baseDirectoryOf(name));
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
