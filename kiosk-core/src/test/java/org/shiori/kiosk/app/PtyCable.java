package org.shiori.kiosk.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.shiori.testkit.Required;

/**
 * A null-modem cable between two pseudo terminals, made by socat: the kiosk opens one end as its
 * reader port, a reader emulator answers on the other, so frames cross the real serial stack.
 */
final class PtyCable implements AutoCloseable {
  private static final Pattern PTY_LINE = Pattern.compile("PTY is (/dev/\\S+)");

  private final Process socat;
  private final List<String> ends;

  private PtyCable(Process socat, List<String> ends) {
    this.socat = socat;
    this.ends = ends;
  }

  static PtyCable plugIn() throws IOException {
    Required.part(onPath("socat"), "socat (Debian package socat) is needed");
    Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0").start();
    BufferedReader log =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    List<String> ends = new ArrayList<>();
    String line;
    while (ends.size() < 2 && (line = log.readLine()) != null) {
      Matcher m = PTY_LINE.matcher(line);
      if (m.find()) {
        ends.add(m.group(1));
      }
    }
    if (ends.size() < 2) {
      p.destroyForcibly();
      throw new IOException("socat ended before reporting two pseudo terminals");
    }
    Thread drain = new Thread(() -> discard(log), "socat-log");
    drain.setDaemon(true);
    drain.start();
    return new PtyCable(p, ends);
  }

  String kioskEnd() {
    return ends.get(0);
  }

  String readerEnd() {
    return ends.get(1);
  }

  private static void discard(BufferedReader log) {
    try {
      while (log.readLine() != null) {
        // socat must never block on a full stderr pipe
      }
    } catch (IOException e) {
      // socat is gone
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    try (Stream<String> dirs = Stream.of(path.split(":"))) {
      return dirs.anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
  }

  @Override
  public void close() throws InterruptedException {
    socat.destroyForcibly();
    socat.waitFor(10, TimeUnit.SECONDS);
  }
}
