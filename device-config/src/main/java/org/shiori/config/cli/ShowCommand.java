package org.shiori.config.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shiori.config.ConfigError;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code show FILE}: prints the effective configuration, defaults filled in, as YAML. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Print the effective configuration with every default filled in (paths of key files, "
            + "never their contents).")
final class ShowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1", paramLabel = "FILE", description = "The configuration file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      DeviceConfig config = DeviceConfigLoader.load(file);
      out.print(EffectiveConfigYaml.write(config));
      out.flush();
      return 0;
    } catch (ConfigException e) {
      e.errors().stream().map(ConfigError::toString).forEach(out::println);
      out.flush();
      return 1;
    }
  }
}
