package org.shiori.emulator;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.shiori.rfid.frame.FrameSyntax;
import org.shiori.rfid.transport.Transport;

/**
 * Replays a captured reader session: each request frame seen on the wire is answered with the reply
 * frame captured for it, byte for byte; unknown requests get no answer (like a reader that did not
 * understand them). Used to check the drivers against real reader captures.
 */
public final class ReplayReaderEmulator extends ReaderEmulator {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();
  private final Map<String, byte[]> replies = new LinkedHashMap<>();

  /**
   * @param requestToReplyHex captured pairs as hex strings (spaces ignored)
   */
  public ReplayReaderEmulator(
      Transport transport, FrameSyntax syntax, Map<String, String> requestToReplyHex) {
    super(transport, new TagField(), syntax, "replay-emulator");
    requestToReplyHex.forEach(
        (req, reply) -> replies.put(normalise(req), HEX.parseHex(normalise(reply))));
  }

  private static String normalise(String hex) {
    return hex.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
  }

  @Override
  public ReplayReaderEmulator start() {
    super.start();
    return this;
  }

  @Override
  protected byte[] answer(byte[] request) {
    byte[] reply = replies.get(HEX.formatHex(request));
    return reply == null ? null : reply.clone();
  }

  @Override
  protected byte[] noTagReply(byte[] request) {
    return null;
  }
}
