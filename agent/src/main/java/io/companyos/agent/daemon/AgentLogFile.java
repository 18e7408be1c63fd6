package io.companyos.agent.daemon;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The daemon's own log as files in the state directory: {@code logs/agent.log}, rolled at {@link #MAX_FILE_BYTES} to
 * {@code agent.1.log} … {@code agent.3.log} (at most 16 MiB in all), each created mode 0600 in a 0700 directory.
 * {@code export-bundle} puts them, redacted, under {@code agent/logs/} of the bundle.
 */
public final class AgentLogFile {
  /** The directory under the state directory. */
  public static final String DIR = "logs";
  /** The files {@code export-bundle} collects from {@link #DIR}: the active file and the rolled ones. */
  public static final String GLOB = "agent*.log";
  static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
  static final int ROLLED_FILES = 3;

  private AgentLogFile() {}

  /** Starts the rolling appender writing to {@code stateDir/logs/agent.log}; the caller attaches it. */
  public static Appender<ILoggingEvent> start(LoggerContext ctx, Path stateDir, Encoder<ILoggingEvent> encoder)
      throws IOException {
    Path dir = stateDir.resolve(DIR);
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    OwnerOnlyRollingFileAppender appender = new OwnerOnlyRollingFileAppender();
    appender.setContext(ctx);
    appender.setName("state-dir-file");
    appender.setFile(dir.resolve("agent.log").toString());
    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(ctx);
    rolling.setParent(appender);
    rolling.setFileNamePattern(dir.resolve("agent.%i.log").toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(ROLLED_FILES);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(ctx);
    trigger.setMaxFileSize(new FileSize(MAX_FILE_BYTES));
    trigger.start();
    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted()) {
      throw new IOException("cannot open the agent log file in " + dir);
    }
    return appender;
  }

  /** Creates each new log file (the first, and each after a roll-over) owner-only before logback opens it. */
  private static final class OwnerOnlyRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
      try {
        Files.createFile(Path.of(fileName),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (FileAlreadyExistsException appendToIt) {
        // an earlier run's file: it was created owner-only then
      }
      super.openFile(fileName);
    }
  }
}
