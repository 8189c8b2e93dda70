package org.shiori.device.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** rotate-logs on a real logback rolling file, configured as the launchers' files are. */
class LogFilesTest {
  @TempDir Path dir;

  @Test
  void theRollingFileIsRolledOverIntoTheWindow() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
    file.setContext(context);
    file.setName("FILE-TEST");
    file.setFile(dir.resolve("kiosk.log").toString());
    FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
    window.setContext(context);
    window.setParent(file);
    window.setFileNamePattern(dir.resolve("kiosk.%i.log.gz").toString());
    window.setMinIndex(1);
    window.setMaxIndex(5);
    window.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
    size.setContext(context);
    size.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%msg%n");
    encoder.start();
    file.setEncoder(encoder);
    file.setRollingPolicy(window);
    file.setTriggeringPolicy(size);
    file.start();
    root.addAppender(file);
    try {
      LoggerFactory.getLogger(LogFilesTest.class).info("before the rotation");
      assertThat(Files.readString(dir.resolve("kiosk.log"))).contains("before the rotation");

      assertThat(LogFiles.rotate()).contains(dir.resolve("kiosk.log").toString());

      assertThat(dir.resolve("kiosk.1.log.gz")).exists();
      LoggerFactory.getLogger(LogFilesTest.class).info("after the rotation");
      assertThat(Files.readString(dir.resolve("kiosk.log")))
          .doesNotContain("before the rotation")
          .contains("after the rotation");
    } finally {
      root.detachAppender(file);
      file.stop();
    }
  }

  @Test
  void withoutALogFileTheRotationFailsWithAReason() {
    assertThatThrownBy(LogFiles::rotate)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("journal only");
  }
}
