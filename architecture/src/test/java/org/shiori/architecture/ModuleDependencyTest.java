package org.shiori.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module picture of {@code docs/architecture.md}, checked on the main code of every module:
 * each module's packages may use only the modules below it, and only the demo sees emulators, the
 * embedded broker and the simulator.
 */
class ModuleDependencyTest {
  private static JavaClasses main;
  private static final java.util.regex.Pattern SHIORI_JAR =
      java.util.regex.Pattern.compile(".*/target/[a-z-]+-0\\.1\\.0\\.jar.*");

  @BeforeAll
  static void importMainCode() {
    main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Shiori's own modules arrive as target/classes under `test` and as their jars under
            // `verify`; every other jar is a library and stays out.
            .withImportOption(location -> !location.isJar() || location.matches(SHIORI_JAR))
            .importPackages("org.shiori");
    if (main.size() < 300) {
      throw new AssertionError(
          "only " + main.size() + " classes imported: the class path is wrong");
    }
  }

  /** Packages of each module, from the bottom of the picture up. */
  private static final String RFID = "org.shiori.rfid..";

  private static final String EMULATOR = "org.shiori.emulator..";
  private static final String CONFIG = "org.shiori.config..";
  private static final String YAML = "org.shiori.yaml..";
  private static final String CIRCULATION = "org.shiori.circulation..";
  private static final String PROTOCOL = "org.shiori.protocol..";
  private static final String DEVICE = "org.shiori.device..";
  private static final String KIOSK = "org.shiori.kiosk..";
  private static final String GATE = "org.shiori.gate..";
  private static final String CENTRAL = "org.shiori.central..";
  private static final String DEMO = "org.shiori.demo..";
  private static final String BENCH = "org.shiori.bench..";

  private static ArchRule onlyUses(String module, String... allowed) {
    String[] others =
        java.util.stream.Stream.of(
                RFID,
                EMULATOR,
                CONFIG,
                YAML,
                CIRCULATION,
                PROTOCOL,
                DEVICE,
                KIOSK,
                GATE,
                CENTRAL,
                DEMO,
                BENCH)
            .filter(p -> !p.equals(module))
            .filter(p -> !java.util.Arrays.asList(allowed).contains(p))
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage(module)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(others)
        .because(module + " may use only " + String.join(", ", allowed));
  }

  @Test
  void rfidDriverUsesNoOtherModule() {
    onlyUses(RFID).check(main);
  }

  @Test
  void readerEmulatorUsesOnlyTheDriver() {
    onlyUses(EMULATOR, RFID).check(main);
  }

  @Test
  void deviceConfigUsesOnlyTheDriverAndTheYamlReader() {
    onlyUses(CONFIG, RFID, YAML).check(main);
  }

  @Test
  void circulationIsPure() {
    onlyUses(CIRCULATION, YAML).check(main);
  }

  @Test
  void protocolUsesOnlyCirculation() {
    onlyUses(PROTOCOL, CIRCULATION).check(main);
  }

  @Test
  void deviceCoreUsesOnlyTheModulesBelowIt() {
    onlyUses(DEVICE, PROTOCOL, CIRCULATION, CONFIG, YAML, RFID).check(main);
  }

  @Test
  void kioskUsesTheDeviceRuntimeNotTheGateOrTheDemo() {
    onlyUses(KIOSK, DEVICE, PROTOCOL, CIRCULATION, CONFIG, YAML, RFID).check(main);
  }

  @Test
  void gateUsesTheDeviceRuntimeNotTheKioskOrTheDemo() {
    onlyUses(GATE, DEVICE, PROTOCOL, CIRCULATION, CONFIG, YAML, RFID).check(main);
  }

  @Test
  void centralUsesOnlyTheContractAndTheRules() {
    onlyUses(CENTRAL, PROTOCOL, CIRCULATION, YAML).check(main);
  }

  @Test
  void onlyTheDemoAndTheBenchmarksSeeTheEmbeddedBroker() {
    noClasses()
        .that()
        .resideOutsideOfPackages(DEMO, BENCH)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.hivemq..")
        .check(main);
  }

  @Test
  void circulationAndProtocolImportNoIoLibrary() {
    noClasses()
        .that()
        .resideInAnyPackage(CIRCULATION, PROTOCOL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.eclipse.paho..",
            "java.sql..",
            "org.sqlite..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "com.fazecast..",
            "java.net..",
            "java.nio.channels..",
            "com.pi4j..")
        .check(main);
  }
}
