package org.shiori.protocol;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Topic names of one tenant (see docs/mqtt.md). Everything a device may touch lies under {@code
 * lib/{tenant}/dev/{deviceId}/} or {@code lib/{tenant}/sync/}, so a broker ACL can confine a device
 * certificate to its own subtree.
 */
public final class Topics {
  /** The group name central consumers share with {@code $share/central/...}. */
  public static final String CENTRAL_SHARE_GROUP = "central";

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  private final String tenant;

  public Topics(String tenant) {
    this.tenant = requireSegment("tenant", tenant);
  }

  /** Rejects ids that would break topic structure ({@code /}, {@code +}, {@code #}) or ACLs. */
  public static String requireSegment(String what, String value) {
    Objects.requireNonNull(value, what);
    if (!SEGMENT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' must be 1-64 of [A-Za-z0-9_.-], starting with a letter or digit");
    }
    return value;
  }

  public String tenant() {
    return tenant;
  }

  public String device(String deviceId) {
    return "lib/" + tenant + "/dev/" + requireSegment("deviceId", deviceId);
  }

  public String tx(String deviceId) {
    return device(deviceId) + "/tx";
  }

  public String ack(String deviceId) {
    return device(deviceId) + "/ack";
  }

  public String state(String deviceId) {
    return device(deviceId) + "/state";
  }

  public String event(String deviceId) {
    return device(deviceId) + "/event";
  }

  /**
   * Where central confirms each staff event it has taken (the event's MQTT 5 response topic; an
   * empty message carrying the event's correlation data), so the device keeps an event until
   * central has it, as it keeps a transaction until its ack.
   */
  public String eventAck(String deviceId) {
    return event(deviceId) + "/ack";
  }

  /** Requests of a device to central (resync, online-only look-ups). */
  public String cmd(String deviceId) {
    return device(deviceId) + "/cmd";
  }

  /** Where central answers a device's requests (the MQTT 5 response topic). */
  public String reply(String deviceId) {
    return device(deviceId) + "/cmd/reply";
  }

  /**
   * Remote management commands from central to one device (resync, restart, rotate-logs,
   * config-update); only central may publish here (docs/mosquitto/acl).
   */
  public String manage(String deviceId) {
    return device(deviceId) + "/manage";
  }

  /** Where a device answers every management command with its result. */
  public String manageResult(String deviceId) {
    return device(deviceId) + "/manage/result";
  }

  /** Broadcast sync of a data set, for every device of the tenant. */
  public String sync(Dataset dataset) {
    return "lib/" + tenant + "/sync/" + dataset.topicName();
  }

  /** Sync addressed to one device only (a resync snapshot). */
  public String deviceSync(String deviceId, Dataset dataset) {
    return device(deviceId) + "/sync/" + dataset.topicName();
  }

  /** A filter over all devices' topics of one kind, shared by central consumers. */
  public String sharedAllDevices(String leaf) {
    return "$share/" + CENTRAL_SHARE_GROUP + "/lib/" + tenant + "/dev/+/" + leaf;
  }

  public String allDevices(String leaf) {
    return "lib/" + tenant + "/dev/+/" + leaf;
  }

  /** The device id of a topic under {@code lib/{tenant}/dev/}, if it is one. */
  public Optional<String> deviceOf(String topic) {
    String prefix = "lib/" + tenant + "/dev/";
    if (!topic.startsWith(prefix)) {
      return Optional.empty();
    }
    String rest = topic.substring(prefix.length());
    int slash = rest.indexOf('/');
    return slash <= 0 ? Optional.empty() : Optional.of(rest.substring(0, slash));
  }

  /** The data set of a sync topic (broadcast or device-addressed), if it is one. */
  public Optional<Dataset> datasetOf(String topic) {
    int slash = topic.lastIndexOf('/');
    String parent = topic.substring(0, Math.max(slash, 0));
    if (slash < 0 || !parent.endsWith("/sync")) {
      return Optional.empty();
    }
    String name = topic.substring(slash + 1);
    for (Dataset d : Dataset.values()) {
      if (d.topicName().equals(name)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
