package org.shiori.gate.testing;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.ArrayList;
import java.util.List;

/** A Pi4J context with the mock plugin's digital providers only, and a recorder for outputs. */
public final class MockGpio {
  private MockGpio() {}

  public static Context context() {
    return Pi4J.newContextBuilder()
        .add(MockDigitalOutputProvider.newInstance(), MockDigitalInputProvider.newInstance())
        .build();
  }

  /** One change of an output, with the monotonic time it was seen. */
  public record Change(DigitalState state, long nanos) {}

  /** Records every state change of one output. */
  public static final class Recorder {
    private final List<Change> changes = new ArrayList<>();

    public static Recorder on(Context pi4j, String id) {
      Recorder r = new Recorder();
      DigitalOutput out = pi4j.io(id, DigitalOutput.class);
      out.addListener(e -> r.add(e.state()));
      return r;
    }

    private synchronized void add(DigitalState s) {
      changes.add(new Change(s, System.nanoTime()));
    }

    public synchronized List<Change> changes() {
      return List.copyOf(changes);
    }

    public synchronized List<DigitalState> states() {
      return changes.stream().map(Change::state).toList();
    }
  }
}
