package org.shiori.device.remote;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * The service's rolling log files (the launchers' logback configuration), rolled over on demand.
 */
public final class LogFiles {
  private LogFiles() {}

  /**
   * Rolls every rolling file appender of the root logger over: the current file is compressed into
   * the numbered window, as when it reaches its size limit, and a new one is started.
   *
   * @return what was rolled over
   * @throws IOException when there is no such file (logs go to the journal only) or the logging
   *     system is not logback
   */
  public static String rotate() throws IOException {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IOException("logging is not logback here; nothing to rotate");
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    List<String> rotated = new ArrayList<>();
    for (Iterator<Appender<ILoggingEvent>> it = root.iteratorForAppenders(); it.hasNext(); ) {
      if (it.next() instanceof RollingFileAppender<ILoggingEvent> file) {
        file.rollover();
        rotated.add(file.getFile());
      }
    }
    if (rotated.isEmpty()) {
      throw new IOException("no log file is configured; logs go to the journal only");
    }
    return "new log file started: " + String.join(", ", rotated);
  }
}
