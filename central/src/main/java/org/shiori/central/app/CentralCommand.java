package org.shiori.central.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shiori.central.config.CentralConfig;
import org.shiori.central.config.CentralConfigException;
import org.shiori.central.config.CentralConfigReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/central}: the central service's command line. */
@Command(
    name = "central",
    mixinStandardHelpOptions = true,
    description = "Shiori central: takes device transactions into its database and the ILS.",
    subcommands = {
      CentralCommand.Run.class,
      CentralCommand.Check.class,
      CardsCommand.class,
      ConflictsCommand.class,
      ManageCommand.class
    })
public final class CentralCommand {
  /** Exit codes: 0 stopped cleanly, 2 bad configuration, 3 could not start, 4 bad input file. */
  static final int CONFIG_ERROR = 2;

  static final int START_FAILED = 3;

  static final int INPUT_ERROR = 4;

  private static final Logger LOG = LoggerFactory.getLogger(CentralCommand.class);

  public static void main(String[] args) {
    System.exit(new CommandLine(new CentralCommand()).execute(args));
  }

  /** {@code central run --config FILE}: runs until stopped (SIGTERM). */
  @Command(name = "run", description = "Runs central with the given configuration file.")
  static final class Run implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "central's YAML configuration")
    Path config;

    @Override
    public Integer call() throws Exception {
      CentralConfig c;
      try {
        c = CentralConfigReader.read(config);
      } catch (CentralConfigException e) {
        System.err.println(e.getMessage());
        return CONFIG_ERROR;
      }
      CentralService service;
      try {
        service = CentralService.open(c, Clock.systemUTC());
      } catch (Exception e) {
        LOG.error("central cannot start: {}", e.getMessage());
        return START_FAILED;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    LOG.info("stopping central {}", c.instanceId());
                    service.close();
                    stopped.countDown();
                  },
                  "central-stop"));
      service.start();
      LOG.info("central {} of tenant {} running", c.instanceId(), c.tenant());
      stopped.await();
      return 0;
    }
  }

  /** {@code central check --config FILE}: validates the configuration only. */
  @Command(name = "check", description = "Checks a configuration file and exits.")
  static final class Check implements Callable<Integer> {
    @Option(names = "--config", required = true, description = "central's YAML configuration")
    Path config;

    @Override
    public Integer call() {
      try {
        CentralConfig c = CentralConfigReader.read(config);
        System.out.println(
            config + ": OK (" + c.database().kind() + ", " + c.ils().connector() + ")");
        return 0;
      } catch (CentralConfigException e) {
        System.err.println(e.getMessage());
        return CONFIG_ERROR;
      }
    }
  }
}
