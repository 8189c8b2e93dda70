package org.shiori.device.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.shiori.config.ConfigException;
import org.shiori.config.DeviceConfig;
import org.shiori.config.DeviceConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configuration updates from central, applied to the device's configuration file with a way back.
 *
 * <p>{@link #apply}: the new document is written next to the file ({@code device.yaml.new}) and
 * validated exactly as {@code device-config validate} does; a document that fails, or that changes
 * what the device is (role, tenant, device id, data directory), is refused and nothing changes.
 * Otherwise the running file is kept as {@code device.yaml.previous}, a marker {@code
 * device.yaml.pending} records the update, and the new file is renamed over the old one; every step
 * is written to a temporary file, forced to disk and renamed, so a power cut leaves one whole file.
 * The service then restarts.
 *
 * <p>{@link #atStart}, before the configuration is loaded: the first start after an update tries
 * the new file; a second start with the marker still there means the service stopped before it ran
 * healthy with it, and the previous file is put back. {@link #rollBack} does the same when the
 * service is not healthy in time; {@link #finish} removes the marker once the result is reported.
 */
public final class ConfigUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigUpdates.class);

  private final Path config;

  /** The outcome of an update, as far as the start of the service knows it. */
  public enum Stage {
    /** This start runs the new configuration; it is kept once the service is healthy. */
    TRYING,
    /** The previous configuration was put back. */
    ROLLED_BACK,
    /** The update never reached the file; the configuration in use is the one from before. */
    NOT_APPLIED
  }

  /**
   * An update under way when the service started.
   *
   * @param id the command's id
   * @param stage where it stands
   * @param reason why it was rolled back or not applied; empty while trying
   */
  public record Pending(UUID id, Stage stage, String reason) {
    public Pending {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A refused update: every reason, for the technician. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public RefusedException(String reasons) {
      super(reasons);
    }
  }

  /**
   * @param config the configuration file the service was started with ({@code --config})
   */
  public ConfigUpdates(Path config) {
    this.config = config.toAbsolutePath();
  }

  public Path config() {
    return config;
  }

  public Path previous() {
    return sibling(".previous");
  }

  Path pendingMarker() {
    return sibling(".pending");
  }

  private Path staged() {
    return sibling(".new");
  }

  private Path sibling(String suffix) {
    return config.resolveSibling(config.getFileName() + suffix);
  }

  /** Whether an update is being tried and not yet confirmed or rolled back. */
  public boolean underWay() {
    return Files.exists(pendingMarker());
  }

  /**
   * Validates {@code document} and, if it passes, puts it in place of the running configuration.
   *
   * @param running the configuration the service runs with
   * @return the configuration the document describes
   * @throws RefusedException when it fails validation or changes the device's identity; nothing was
   *     changed
   * @throws IOException when a file could not be written; the running configuration stays
   */
  public DeviceConfig apply(UUID id, String document, DeviceConfig running)
      throws RefusedException, IOException {
    if (underWay()) {
      throw new RefusedException(
          "another configuration update is under way (" + pendingMarker().getFileName() + ")");
    }
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    // Validated under a name in the same directory, so relative paths resolve as they will.
    AtomicFiles.write(staged(), bytes);
    DeviceConfig updated;
    try {
      updated = DeviceConfigLoader.load(staged());
      requireSameIdentity(running, updated);
    } catch (ConfigException e) {
      AtomicFiles.delete(staged());
      throw new RefusedException(
          e.errors().stream().map(Object::toString).collect(Collectors.joining("\n")));
    } catch (RefusedException e) {
      AtomicFiles.delete(staged());
      throw e;
    }
    try {
      AtomicFiles.write(previous(), Files.readAllBytes(config));
      writeMarker(new Marker(id, "applied", sha256(bytes), ""));
      AtomicFiles.move(staged(), config);
    } catch (IOException e) {
      // The running file was not replaced (the rename is the last step): forget the attempt.
      Files.deleteIfExists(pendingMarker());
      Files.deleteIfExists(staged());
      throw e;
    }
    LOG.info("configuration update {} applied to {}; restarting to use it", id, config);
    return updated;
  }

  private void requireSameIdentity(DeviceConfig running, DeviceConfig updated)
      throws RefusedException {
    List<String> changed = new ArrayList<>();
    check(changed, "role", running.role(), updated.role());
    check(changed, "tenant", running.tenant(), updated.tenant());
    check(changed, "deviceId", running.deviceId(), updated.deviceId());
    check(changed, "dataDir", running.dataDir(), updated.dataDir());
    if (!changed.isEmpty()) {
      throw new RefusedException(
          String.join("\n", changed)
              + "\nwhat a device is cannot change remotely: provision it again on site");
    }
  }

  private static void check(List<String> changed, String field, Object was, Object now) {
    if (!was.equals(now)) {
      changed.add(field + ": " + now + " would replace " + was + "; it must stay " + was);
    }
  }

  /**
   * Called at every start, before the configuration is read: advances or rolls back an update.
   *
   * @return the update under way, if there is one
   */
  public Optional<Pending> atStart() throws IOException {
    Optional<Marker> marker = readMarker();
    if (marker.isEmpty()) {
      return Optional.empty();
    }
    Marker m = marker.get();
    switch (m.state) {
      case "applied" -> {
        if (!m.sha256.equals(sha256(Files.readAllBytes(config)))) {
          String reason = "the new configuration was not in place at start; the previous one runs";
          writeMarker(m.withState("not-applied", reason));
          return Optional.of(new Pending(m.id, Stage.NOT_APPLIED, reason));
        }
        writeMarker(m.withState("started", ""));
        LOG.info("starting with the configuration of update {}; kept once healthy", m.id);
        return Optional.of(new Pending(m.id, Stage.TRYING, ""));
      }
      case "started" -> {
        String reason = "the service stopped before it ran healthy with the new configuration";
        restorePrevious(m, reason);
        return Optional.of(new Pending(m.id, Stage.ROLLED_BACK, reason));
      }
      case "rolled-back" -> {
        return Optional.of(new Pending(m.id, Stage.ROLLED_BACK, m.reason));
      }
      default -> {
        return Optional.of(new Pending(m.id, Stage.NOT_APPLIED, m.reason));
      }
    }
  }

  /** Puts the previous configuration back, for the next start; the marker keeps the reason. */
  public void rollBack(String reason) throws IOException {
    Marker m =
        readMarker()
            .orElseThrow(() -> new IllegalStateException("no configuration update to undo"));
    restorePrevious(m, reason);
  }

  private void restorePrevious(Marker m, String reason) throws IOException {
    AtomicFiles.write(config, Files.readAllBytes(previous()));
    writeMarker(m.withState("rolled-back", reason));
    LOG.warn("configuration update {} rolled back: {}", m.id, reason);
  }

  /** The update's final result is reported: forget it (the previous file stays for reference). */
  public void finish() throws IOException {
    AtomicFiles.delete(pendingMarker());
  }

  private record Marker(UUID id, String state, String sha256, String reason) {
    Marker withState(String newState, String why) {
      return new Marker(id, newState, sha256, why);
    }
  }

  private void writeMarker(Marker m) throws IOException {
    Properties p = new Properties();
    p.setProperty("id", m.id.toString());
    p.setProperty("state", m.state);
    p.setProperty("sha256", m.sha256);
    p.setProperty("reason", m.reason);
    StringWriter text = new StringWriter();
    p.store(text, "configuration update from central (see docs/operations.md)");
    AtomicFiles.write(pendingMarker(), text.toString().getBytes(StandardCharsets.ISO_8859_1));
  }

  private Optional<Marker> readMarker() throws IOException {
    if (!Files.exists(pendingMarker())) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(pendingMarker())) {
      p.load(new StringReader(new String(in.readNBytes(16 * 1024), StandardCharsets.ISO_8859_1)));
    }
    try {
      return Optional.of(
          new Marker(
              UUID.fromString(p.getProperty("id", "")),
              p.getProperty("state", ""),
              p.getProperty("sha256", ""),
              p.getProperty("reason", "")));
    } catch (IllegalArgumentException e) {
      throw new IOException(pendingMarker() + ": unreadable marker (no id); remove it by hand", e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
