package org.shiori.config.cli;

/**
 * A {@code device-config} subcommand that lives in a module above this one (found with {@link
 * java.util.ServiceLoader} on the class path of the installed package, where every module is):
 * {@code privacy-register} reads the store's schema, which only {@code device-core} knows.
 */
public interface DeviceConfigExtension {
  /** The subcommand's name. */
  String name();

  /** A new picocli command object. */
  Object command();
}
