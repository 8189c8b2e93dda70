package org.shiori.testkit;

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

/**
 * Two connected pseudo terminals made by {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}: a null
 * modem cable for running an emulator and a driver through the real serial stack. Optional link
 * names make the pair reappear under the same paths after a restart (an unplugged and replugged
 * USB-serial adapter).
 */
public final class SocatPtyPair implements AutoCloseable {
  private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");
  private static final String PTY_OPTIONS = "pty,raw,echo=0";
  private final Process process;
  private final String first;
  private final String second;

  private SocatPtyPair(Process process, String first, String second) {
    this.process = process;
    this.first = first;
    this.second = second;
  }

  public static boolean socatAvailable() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Files.isExecutable(Path.of(dir, "socat"))) {
        return true;
      }
    }
    return false;
  }

  public static SocatPtyPair start() throws IOException {
    return start(null, null);
  }

  /**
   * Starts a pair whose ends survive the other side closing ({@code ignoreeof}): for tests where a
   * command opens and closes the same port several times while the peer keeps running.
   */
  public static SocatPtyPair startIgnoringEof() throws IOException {
    return start(null, null, PTY_OPTIONS + ",ignoreeof");
  }

  /** Starts socat; with links the two ends are also reachable under those paths. */
  public static SocatPtyPair start(Path linkA, Path linkB) throws IOException {
    return start(linkA, linkB, PTY_OPTIONS);
  }

  private static SocatPtyPair start(Path linkA, Path linkB, String ptyOptions) throws IOException {
    Required.part(socatAvailable(), "socat is not installed");
    String a = ptyOptions + (linkA == null ? "" : ",link=" + linkA);
    String b = ptyOptions + (linkB == null ? "" : ",link=" + linkB);
    Process p = new ProcessBuilder("socat", "-d", "-d", a, b).start();
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    List<String> ptys = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    StringBuilder log = new StringBuilder();
    while (ptys.size() < 2 && System.nanoTime() < deadline) {
      String line = err.readLine();
      if (line == null) {
        break;
      }
      log.append(line).append('\n');
      Matcher m = PTY.matcher(line);
      if (m.find()) {
        ptys.add(m.group(1));
      }
    }
    if (ptys.size() < 2) {
      p.destroyForcibly();
      throw new IOException("socat did not report two ptys:\n" + log);
    }
    while ((linkA != null && !Files.exists(linkA)) || (linkB != null && !Files.exists(linkB))) {
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new IOException("socat did not create its links:\n" + log);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    // Keep draining stderr so socat never blocks on a full pipe.
    Thread drainer =
        new Thread(
            () -> {
              try {
                while (err.readLine() != null) {
                  // discard
                }
              } catch (IOException ignored) {
                // socat ended
              }
            },
            "socat-stderr");
    drainer.setDaemon(true);
    drainer.start();
    return new SocatPtyPair(
        p,
        linkA == null ? ptys.get(0) : linkA.toString(),
        linkB == null ? ptys.get(1) : linkB.toString());
  }

  public String first() {
    return first;
  }

  public String second() {
    return second;
  }

  /** Kills socat at once, like pulling the cable. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
