package org.shiori.rfid.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.shiori.rfid.transport.Transport;

/**
 * The device end of a link that answers fixed request bytes with fixed reply bytes, like a replay
 * of a captured session. Requests it does not know are recorded and left unanswered.
 */
public final class ScriptedDevice implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private final Transport device;
  private final Map<String, String> script;
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  public ScriptedDevice(Transport device, Map<String, String> requestToReplyHex) {
    this.device = device;
    this.script = requestToReplyHex;
    this.thread = new Thread(this::run, "scripted-device");
    thread.setDaemon(true);
    thread.start();
  }

  public static byte[] hex(String s) {
    return HEX.parseHex(s.replace(" ", ""));
  }

  /** Every complete request seen, as uppercase hex. */
  public List<String> received() {
    return received;
  }

  private void run() {
    ByteArrayOutputStream acc = new ByteArrayOutputStream();
    byte[] buf = new byte[256];
    try {
      while (running) {
        int n = device.read(buf, 0, buf.length, Duration.ofMillis(50));
        if (n < 0) {
          return;
        }
        if (n == 0) {
          if (acc.size() > 0) {
            received.add(HEX.formatHex(acc.toByteArray()));
            acc.reset();
          }
          continue;
        }
        acc.write(buf, 0, n);
        String sofar = HEX.formatHex(acc.toByteArray());
        String reply = script.get(sofar);
        if (reply != null) {
          received.add(sofar);
          acc.reset();
          device.write(hex(reply));
        }
      }
    } catch (IOException e) {
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    device.close();
  }
}
