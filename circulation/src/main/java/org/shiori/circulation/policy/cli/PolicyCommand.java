package org.shiori.circulation.policy.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.shiori.circulation.policy.CirculationPolicy;
import org.shiori.circulation.policy.LoanChannel;
import org.shiori.circulation.policy.ShippedPolicies;
import org.shiori.circulation.policy.load.PolicyException;
import org.shiori.circulation.policy.load.PolicyProblem;
import org.shiori.circulation.policy.scenario.ScenarioFile;
import org.shiori.circulation.policy.scenario.ScenarioResult;
import org.shiori.circulation.policy.scenario.ScenarioRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk policy ...}: inspect and test circulation policies. Results go to standard output
 * exactly as documented; diagnostics go to standard error. Exit codes: 0 ok, 1 failure, 2 usage.
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    description = "Inspect and test circulation policies (docs/policy.md).",
    subcommands = {
      PolicyCommand.ClosedDays.class,
      PolicyCommand.DueDate.class,
      PolicyCommand.Check.class,
      PolicyCommand.Test.class
    })
public final class PolicyCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int FAILURE = 1;
  static final int USAGE = 2;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return USAGE;
  }

  /** Options shared by the commands that read a policy. */
  static final class PolicyOptions {
    @Option(
        names = "--policy",
        defaultValue = ShippedPolicies.DEFAULT,
        description =
            "Shipped policy name (matsuyama, narita) or a policy file. Default: ${DEFAULT-VALUE}.")
    String policy;

    @Option(
        names = "--zone",
        defaultValue = "Asia/Tokyo",
        description = "Time zone of the library. Default: ${DEFAULT-VALUE}.")
    String zone;

    CirculationPolicy load() {
      return ShippedPolicies.load(policy, ZoneId.of(zone));
    }
  }

  /** Asks the policy of the options a question, guarded, and prints each answer on its own line. */
  static int printAnswers(
      CommandSpec spec, PolicyOptions options, Function<CirculationPolicy, List<?>> question) {
    return guarded(
        spec,
        () -> {
          PrintWriter out = spec.commandLine().getOut();
          question.apply(options.load()).forEach(out::println);
          out.flush();
          return OK;
        });
  }

  /** Runs a command body, turning policy and argument errors into diagnostics and exit codes. */
  static int guarded(CommandSpec spec, Callable<Integer> body) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return body.call();
    } catch (PolicyException e) {
      e.problems().forEach(p -> err.println(p));
      return FAILURE;
    } catch (IllegalArgumentException | DateTimeException e) {
      err.println("policy: " + e.getMessage());
      return USAGE;
    } catch (Exception e) {
      err.println("policy: " + e);
      return FAILURE;
    } finally {
      err.flush();
    }
  }

  @Command(
      name = "closed-days",
      mixinStandardHelpOptions = true,
      description = "Print every closed day of a branch in a year, ISO dates, one per line.")
  static final class ClosedDays implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin PolicyOptions options;

    @Option(names = "--branch", required = true, description = "Service point id.")
    String branch;

    @Option(names = "--year", required = true, description = "Calendar year.")
    int year;

    @Override
    public Integer call() {
      return printAnswers(spec, options, policy -> policy.calendar(branch).closedDays(year));
    }
  }

  @Command(
      name = "due-date",
      mixinStandardHelpOptions = true,
      description = "Print the due date of a loan made on a day, ISO format.")
  static final class DueDate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @CommandLine.Mixin PolicyOptions options;

    @Option(names = "--branch", required = true, description = "Lending service point id.")
    String branch;

    @Option(names = "--category", defaultValue = "individual", description = "Patron category.")
    String category;

    @Option(names = "--material", defaultValue = "book", description = "Material type.")
    String material;

    @Option(
        names = "--flag",
        description =
            "Item flag of the policy (repeatable); a flag the policy does not define is a usage"
                + " error.")
    List<String> flags = List.of();

    @Option(
        names = "--channel",
        defaultValue = "kiosk",
        description =
            "kiosk, or home-delivery (staff delivery: the rule's deliveryPeriod, R-LIMIT-6)."
                + " Default: ${DEFAULT-VALUE}.")
    String channel;

    @Option(names = "--on", required = true, description = "Day of the loan, ISO format.")
    LocalDate on;

    @Override
    public Integer call() {
      return printAnswers(
          spec,
          options,
          policy -> {
            LoanChannel how = channel(channel);
            for (String flag : flags) {
              if (!policy.definition().flags().contains(flag)) {
                throw new IllegalArgumentException(
                    "unknown flag '"
                        + flag
                        + "'; the policy defines "
                        + String.join(", ", policy.definition().flags())
                        + (flag.contains("deliver")
                            ? "; for home delivery use --channel home-delivery"
                            : ""));
              }
            }
            return List.of(policy.dueDate(category, material, Set.copyOf(flags), branch, on, how));
          });
    }

    private static LoanChannel channel(String text) {
      return switch (text) {
        case "kiosk" -> LoanChannel.KIOSK;
        case "home-delivery" -> LoanChannel.HOME_DELIVERY;
        default ->
            throw new IllegalArgumentException(
                "unknown channel '" + text + "'; use kiosk or home-delivery");
      };
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Validate a policy file: prints OK, or each error with line and column.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "Policy file (or a shipped policy name).")
    String file;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        ShippedPolicies.load(file, ZoneId.of("Asia/Tokyo"));
        out.println("OK");
        return OK;
      } catch (PolicyException e) {
        for (PolicyProblem p : e.problems()) {
          out.println(p);
        }
        return FAILURE;
      } catch (IllegalArgumentException e) {
        out.println(file + ":0:0: " + e.getMessage());
        return FAILURE;
      } finally {
        out.flush();
      }
    }
  }

  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description =
          "Run scenario files (paths, or shipped names; 'shipped' runs them all). Prints a"
              + " pass/fail table; exits 1 on any failure.")
  static final class Test implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIOS", description = "Scenario files.")
    List<String> files;

    @Option(names = "--policy", description = "Run against this policy instead of the file's own.")
    String policy;

    @Option(
        names = "--explain",
        description = "Print under each case what each step decided and the checks that ran.")
    boolean explain;

    @Override
    public Integer call() {
      return guarded(
          spec,
          () -> {
            List<String> names =
                files.equals(List.of("shipped")) ? ScenarioRunner.shippedNames() : files;
            ScenarioTable table = new ScenarioTable(explain);
            for (String name : names) {
              ScenarioFile file = ScenarioRunner.load(name);
              List<ScenarioResult> results =
                  policy == null
                      ? ScenarioRunner.run(file)
                      : ScenarioRunner.run(file, ShippedPolicies.load(policy, file.zone()));
              table.add(file.source(), results);
            }
            table.print(spec.commandLine().getOut());
            return table.failures() == 0 ? OK : FAILURE;
          });
    }
  }
}
