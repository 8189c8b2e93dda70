package org.shiori.central.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.config.CentralConfigException;
import org.shiori.central.config.CentralConfigReader;
import org.shiori.central.forward.PatronCards;
import org.shiori.central.ils.fileimport.ImportException;
import org.shiori.central.ils.fileimport.PatronFile;
import org.shiori.central.store.CentralDatabase;
import org.shiori.central.sync.Datasets;
import org.shiori.circulation.domain.PatronKey;
import org.shiori.circulation.domain.PatronSnapshot;
import org.shiori.circulation.privacy.CardHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code central cards ...}: patron records by card number. */
@Command(
    name = "cards",
    description = "Patron records by card number.",
    subcommands = {CardsCommand.Import.class})
final class CardsCommand {
  /**
   * {@code central cards import --config FILE CSV}: loads patron records from a patrons file (the
   * columns of the file import's patrons file, docs/file-import.md) into central's patrons data
   * set. Each card number is hashed with the tenant key ({@code privacy.tenantKeyFile}) as its row
   * is read; only the patron key is stored, unless the SIP2 connector is configured, which must
   * name the patron to the library system (field AA) and so keeps each card number beside its key.
   * No card number is printed or logged. A file with any error imports nothing.
   */
  @Command(name = "import", description = "Loads patron records from a CSV/TSV patrons file.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, description = "central's YAML configuration")
    Path config;

    @Parameters(index = "0", paramLabel = "CSV", description = "the patrons file (.csv or .tsv)")
    Path file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CentralConfig c;
      try {
        c = CentralConfigReader.read(config);
      } catch (CentralConfigException e) {
        err.println(e.getMessage());
        return CentralCommand.CONFIG_ERROR;
      }
      if (c.tenantKeyFile().isEmpty()) {
        err.println(
            config
                + ": field privacy.tenantKeyFile: (missing), allowed: the tenant key file that"
                + " card numbers are hashed with");
        return CentralCommand.CONFIG_ERROR;
      }
      // Only the SIP2 connector speaks for the patron (field AA): only it keeps card numbers.
      boolean keepCards = c.ils().connector() == CentralConfig.Connector.SIP2;
      PatronFile.Patrons patrons;
      try {
        CardHasher hasher = new CardHasher(FileImportJob.tenantKey(c.tenantKeyFile().get()));
        patrons = PatronFile.read(file, hasher, keepCards);
      } catch (ImportException e) {
        err.println(e.getMessage());
        return CentralCommand.INPUT_ERROR;
      } catch (IOException e) {
        err.println(e.getMessage());
        return CentralCommand.INPUT_ERROR;
      }
      Datasets datasets = new Datasets(c.tenant());
      try (CentralDatabase db = CentralDatabase.open(c.database())) {
        db.inTransaction(
            tx -> {
              for (PatronSnapshot p : patrons.records()) {
                datasets.putPatron(tx, p);
              }
              for (Map.Entry<PatronKey, String> card : patrons.cardNumbers().entrySet()) {
                PatronCards.put(tx, card.getKey(), card.getValue());
              }
              return null;
            });
      } catch (RuntimeException e) {
        err.println("central's database: " + e.getMessage());
        return CentralCommand.START_FAILED;
      }
      out.println(
          file
              + ": "
              + patrons.records().size()
              + " patron records imported (card numbers hashed"
              + (keepCards ? "; kept for the SIP2 connector's field AA)" : ")"));
      return 0;
    }
  }
}
