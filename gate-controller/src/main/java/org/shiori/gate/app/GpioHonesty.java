package org.shiori.gate.app;

import com.pi4j.boardinfo.definition.BoardModel;
import com.pi4j.context.Context;
import com.pi4j.io.IOType;
import com.pi4j.provider.Provider;
import java.util.Locale;
import java.util.Optional;
import org.shiori.config.GateSettings;

/**
 * What {@code gate run} checks before it drives any pin: a production gate must not run on Pi4J's
 * mock provider (it would raise alarms nobody sees), and on a board Pi4J does not know it must say
 * so plainly instead of failing later on some pin. Tests and the demo hand {@link GateService} a
 * mock context themselves and never pass through here.
 */
final class GpioHonesty {
  private GpioHonesty() {}

  /** The one-line refusal, or empty when the context drives real pins. */
  static Optional<String> refusal(Context pi4j, GateSettings gate) {
    return reason(pi4j, gate).map(reason -> "refusing to start: " + reason);
  }

  /**
   * Why the context cannot drive the gate's pins (one line naming them), or empty when it can; the
   * self-test fails its light and buzzer lines for the same reasons.
   */
  static Optional<String> reason(Context pi4j, GateSettings gate) {
    String pins =
        "gate.lightPin="
            + gate.lightPin()
            + ", gate.buzzerPin="
            + gate.buzzerPin()
            + gate.beams()
                .map(
                    b ->
                        ", gate.outerBeamPin="
                            + b.outerPin()
                            + ", gate.innerBeamPin="
                            + b.innerPin())
                .orElse("")
            + (gate.tamperPin().isPresent()
                ? ", gate.tamperPin=" + gate.tamperPin().getAsInt()
                : "");
    Optional<Provider> outputs = outputProvider(pi4j);
    if (outputs.isPresent() && isMock(outputs.get())) {
      return Optional.of(
          "Pi4J chose its mock GPIO provider ("
              + outputs.get().id()
              + "), so "
              + pins
              + " would drive nothing; remove pi4j-plugin-mock from the gate's class path");
    }
    BoardModel board = pi4j.boardInfo().getBoardModel();
    if (outputs.isEmpty() || board == BoardModel.UNKNOWN) {
      return Optional.of(
          "Pi4J does not know this board (model "
              + board.name()
              + (outputs.isEmpty() ? ", no GPIO output provider" : "")
              + "), so it cannot drive "
              + pins
              + "; run the gate on a supported Raspberry Pi or correct those config keys");
    }
    return Optional.empty();
  }

  private static Optional<Provider> outputProvider(Context pi4j) {
    try {
      return Optional.ofNullable(pi4j.provider(IOType.DIGITAL_OUTPUT));
    } catch (RuntimeException none) {
      return Optional.empty();
    }
  }

  private static boolean isMock(Provider p) {
    return p.id().toLowerCase(Locale.ROOT).contains("mock")
        || p.getClass().getName().contains(".mock.");
  }
}
