package org.shiori.central.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.config.CentralConfigException;
import org.shiori.central.config.CentralConfigReader;
import org.shiori.central.ingest.SequenceConflicts;
import org.shiori.central.store.CentralDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code central conflicts ...}: the sequences a device sent under more than one transaction id,
 * held from the ILS until staff choose (docs/central.md, "Sequence conflicts").
 */
@Command(
    name = "conflicts",
    description = "Sequence conflicts held from the ILS until staff choose.",
    subcommands = {ConflictsCommand.ListOpen.class, ConflictsCommand.Resolve.class})
final class ConflictsCommand {
  private ConflictsCommand() {}

  /** Opens central's database from the configuration; null (and a message) when it is bad. */
  private static SequenceConflicts open(Path config, PrintWriter err, CentralDatabase[] db) {
    CentralConfig c;
    try {
      c = CentralConfigReader.read(config);
    } catch (CentralConfigException e) {
      err.println(e.getMessage());
      return null;
    }
    db[0] = CentralDatabase.open(c.database());
    return new SequenceConflicts(db[0], Clock.systemUTC(), c.ils().forwards());
  }

  /** {@code central conflicts list --config FILE}. */
  @Command(name = "list", description = "Lists the conflicts waiting for staff.")
  static final class ListOpen implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, description = "central's YAML configuration")
    Path config;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      CentralDatabase[] db = new CentralDatabase[1];
      SequenceConflicts conflicts = open(config, spec.commandLine().getErr(), db);
      if (conflicts == null) {
        return CentralCommand.CONFIG_ERROR;
      }
      try {
        for (SequenceConflicts.Conflict c : conflicts.open()) {
          out.println(c.deviceId() + " sequence " + c.sequence() + ":");
          for (SequenceConflicts.Candidate t : c.candidates()) {
            // Never the patron: type, item and times tell staff which one the kiosk made.
            out.println(
                "  "
                    + t.txId()
                    + " "
                    + t.type()
                    + " item "
                    + t.itemId()
                    + " made "
                    + t.happenedAt()
                    + " received "
                    + t.receivedAt());
          }
        }
        return 0;
      } finally {
        db[0].close();
      }
    }
  }

  /** {@code central conflicts resolve --config FILE DEVICE SEQUENCE KEPT_TX_ID}. */
  @Command(
      name = "resolve",
      description = "Keeps one transaction of a conflict, discards the rest.")
  static final class Resolve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--config", required = true, description = "central's YAML configuration")
    Path config;

    @Parameters(index = "0", paramLabel = "DEVICE")
    String device;

    @Parameters(index = "1", paramLabel = "SEQUENCE")
    long sequence;

    @Parameters(index = "2", paramLabel = "KEPT_TX_ID", description = "the transaction to keep")
    String kept;

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      UUID keep;
      try {
        keep = UUID.fromString(kept);
      } catch (IllegalArgumentException e) {
        err.println("KEPT_TX_ID: found '" + kept + "', allowed: a transaction id (a UUID)");
        return CentralCommand.INPUT_ERROR;
      }
      CentralDatabase[] db = new CentralDatabase[1];
      SequenceConflicts conflicts = open(config, err, db);
      if (conflicts == null) {
        return CentralCommand.CONFIG_ERROR;
      }
      try {
        conflicts.resolve(device, sequence, keep);
        spec.commandLine()
            .getOut()
            .println(
                device + " sequence " + sequence + ": kept " + keep + ", the others discarded");
        return 0;
      } catch (IllegalArgumentException e) {
        err.println(e.getMessage());
        return CentralCommand.INPUT_ERROR;
      } finally {
        db[0].close();
      }
    }
  }
}
