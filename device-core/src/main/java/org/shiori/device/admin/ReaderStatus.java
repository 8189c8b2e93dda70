package org.shiori.device.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The RFID reader as the admin API reports it.
 *
 * @param protocol {@code feig}, {@code 3m810} or {@code emulated}
 * @param port the serial port; empty for the emulated reader
 * @param answering whether the last inventory round got an answer
 * @param lastAnswerAt when the reader last answered an inventory
 * @param lastProblem the last failure, e.g. a timeout; empty while answering
 */
public record ReaderStatus(
    String protocol,
    Optional<String> port,
    boolean answering,
    Optional<Instant> lastAnswerAt,
    Optional<String> lastProblem) {
  public ReaderStatus {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(lastAnswerAt, "lastAnswerAt");
    Objects.requireNonNull(lastProblem, "lastProblem");
  }
}
