package org.shiori.device.app;

import java.util.concurrent.Callable;
import org.shiori.config.cli.DeviceConfigExtension;
import org.shiori.device.store.PrivacyRegister;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code device-config privacy-register}: the store's register, printed from its schema. */
@Command(
    name = "privacy-register",
    mixinStandardHelpOptions = true,
    description = {
      "Print the privacy register of the device store (P-REGISTER-1): every table of the schema",
      "with its fields, whether it holds personal data, purpose, source and retention."
    })
public final class PrivacyRegisterCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Makes the command a {@code device-config} subcommand (META-INF/services). */
  public static final class Extension implements DeviceConfigExtension {
    @Override
    public String name() {
      return "privacy-register";
    }

    @Override
    public Object command() {
      return new PrivacyRegisterCommand();
    }
  }

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(PrivacyRegister.render());
    spec.commandLine().getOut().flush();
    return PrivacyRegister.entries().stream().allMatch(PrivacyRegister.Entry::complete)
        ? ExitCodes.OK
        : ExitCodes.FAILURE;
  }
}
