package org.shiori.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A small file system for disk-full tests: a 2 MiB tmpfs, or a loop-mounted 4 MiB ext4 image when
 * tmpfs cannot be mounted. Mounting needs root; when neither works, {@link #mountPoint()} is empty
 * and {@link #skipReason()} says why, so a test can skip with the reason.
 */
public final class SmallFileSystem implements AutoCloseable {
  private final Optional<Path> mountPoint;
  private final String skipReason;

  private SmallFileSystem(Optional<Path> mountPoint, String skipReason) {
    this.mountPoint = mountPoint;
    this.skipReason = skipReason;
  }

  /** Mounts a small file system on a new folder under {@code scratch}. */
  public static SmallFileSystem mount(Path scratch) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(scratch.resolve("small"));
    String tmpfs = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString());
    if (tmpfs == null) {
      return new SmallFileSystem(Optional.of(dir), "");
    }
    Path image = scratch.resolve("small.img");
    String loop =
        runAll(
            List.of("truncate", "-s", "4M", image.toString()),
            List.of("mkfs.ext4", "-q", "-F", image.toString()),
            List.of("mount", "-o", "loop", image.toString(), dir.toString()));
    if (loop == null) {
      return new SmallFileSystem(Optional.of(dir), "");
    }
    return new SmallFileSystem(
        Optional.empty(),
        "cannot mount a small file system (tmpfs: " + tmpfs + "; loop: " + loop + ")");
  }

  public Optional<Path> mountPoint() {
    return mountPoint;
  }

  public String skipReason() {
    return skipReason;
  }

  @Override
  public void close() throws InterruptedException {
    if (mountPoint.isPresent()) {
      run("umount", mountPoint.get().toString());
    }
  }

  @SafeVarargs
  private static String runAll(List<String>... commands) throws InterruptedException {
    for (List<String> command : commands) {
      String failure = run(command.toArray(String[]::new));
      if (failure != null) {
        return failure;
      }
    }
    return null;
  }

  /** Runs a command; null when it succeeded, else what went wrong. */
  private static String run(String... command) throws InterruptedException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return command[0] + " timed out";
      }
      return p.exitValue() == 0 ? null : command[0] + " exited " + p.exitValue() + ": " + output;
    } catch (IOException e) {
      return command[0] + ": " + e.getMessage();
    }
  }
}
