package org.shiori.protocol;

/** MQTT topic filter matching ({@code +}, {@code #}, and {@code $share/group/} prefixes). */
public final class TopicFilter {
  private TopicFilter() {}

  public static boolean matches(String filter, String topic) {
    String f = filter;
    if (f.startsWith("$share/")) {
      int slash = f.indexOf('/', "$share/".length());
      f = slash < 0 ? f : f.substring(slash + 1);
    }
    String[] fs = f.split("/", -1);
    String[] ts = topic.split("/", -1);
    for (int i = 0; i < fs.length; i++) {
      if (fs[i].equals("#")) {
        return true;
      }
      if (i >= ts.length) {
        return false;
      }
      if (!fs[i].equals("+") && !fs[i].equals(ts[i])) {
        return false;
      }
    }
    return fs.length == ts.length;
  }
}
