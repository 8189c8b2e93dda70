package org.shiori.config.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code validate FILE...}: prints OK or every error of each file; exit 1 if any file is bad. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check device configuration files and list every mistake with file:line:column.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Configuration files to check.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    boolean allValid = true;
    for (Path file : files) {
      try {
        DeviceConfigLoader.load(file);
        out.println(files.size() == 1 ? "OK" : file + ": OK");
      } catch (ConfigException e) {
        allValid = false;
        e.errors().stream().map(ConfigError::toString).forEach(out::println);
      }
    }
    out.flush();
    return allValid ? 0 : 1;
  }
}
