package org.shiori.device.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.shiori.config.cli.DeviceConfigCommand;

/** The register cannot drift from the schema: every table needs an entry, every entry a table. */
class PrivacyRegisterTest {
  @Test
  void everyTableOfTheSchemaHasACompleteRegisterEntry() {
    assertThat(PrivacyRegister.entries())
        .isNotEmpty()
        .allSatisfy(
            e -> assertThat(e.complete()).as("register entry of table " + e.table()).isTrue());
  }

  @Test
  void theRegisterNamesNoTableTheSchemaDoesNotHave() {
    assertThat(PrivacyRegister.staleEntries()).isEmpty();
  }

  @Test
  void fieldsComeFromTheSchema() {
    assertThat(PrivacyRegister.entries())
        .filteredOn(e -> e.table().equals("local_loans"))
        .singleElement()
        .satisfies(e -> assertThat(e.fields()).contains("item_id", "patron_key"));
  }

  @Test
  void deviceConfigPrintsItWithAPurposeForEveryTable() {
    StringWriter out = new StringWriter();
    int exit =
        DeviceConfigCommand.commandLine(new PrintWriter(out), new PrintWriter(new StringWriter()))
            .execute("privacy-register");
    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("local_loans", "at the return (P-ERASE-1)", "device_events")
        .doesNotContain("NO REGISTER ENTRY");
    long tables = PrivacyRegister.entries().size();
    assertThat(out.toString().lines().filter(l -> l.startsWith("  purpose:")))
        .hasSize((int) tables);
  }
}
