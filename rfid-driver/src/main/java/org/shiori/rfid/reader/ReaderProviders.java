package org.shiori.rfid.reader;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the {@link ReaderProvider} for a protocol among those on the class path. */
public final class ReaderProviders {
  private ReaderProviders() {}

  /** The providers on the class path, one per protocol. */
  public static Map<ReaderProtocol, ReaderProvider> installed() {
    Map<ReaderProtocol, ReaderProvider> found = new EnumMap<>(ReaderProtocol.class);
    for (ReaderProvider p : ServiceLoader.load(ReaderProvider.class)) {
      found.putIfAbsent(p.protocol(), p);
    }
    return found;
  }

  /**
   * Opens a reader through its protocol's provider.
   *
   * @throws IOException when the line cannot be opened, or no provider of that protocol is
   *     installed (the emulated reader ships only with the demo and the tests)
   */
  public static TagReader open(ReaderOpening opening) throws IOException {
    ReaderProvider provider = installed().get(opening.protocol());
    if (provider == null) {
      throw new IOException(
          "no driver for reader protocol '"
              + opening.protocol()
              + "' is installed on this device"
              + (opening.protocol().needsPort() ? "" : " (the emulator ships only with the demo)"));
    }
    return provider.open(opening);
  }
}
