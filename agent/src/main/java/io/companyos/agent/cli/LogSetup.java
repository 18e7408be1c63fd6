package io.companyos.agent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import io.companyos.agent.daemon.AgentLogFile;
import org.slf4j.LoggerFactory;

/** Logging to stderr, one line per event, as text for people or JSON for machines; the daemon also to a file. */
final class LogSetup {
  enum Format { text, json }

  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC} %-5level %logger{0} - %msg%n";

  private LogSetup() {}

  /** The context object naming the configuration {@link #configure} applied, so that it is not built twice. */
  private static final String APPLIED = LogSetup.class.getName() + ".applied";

  private static final Object LOCK = new Object();
  /** Whether logback has configured its context ({@link #start}); until then {@link #apply} only notes its wish. */
  private static boolean started;
  private static Format wantedFormat = Format.text;
  private static boolean wantedVerbose;

  /**
   * Logging as the options ask. Before logback has started this only notes the wish, which {@link #start} applies
   * when the first class asks for a logger: logback's start (its service lookup, the context, the pattern layout) was
   * ~30 ms of every command's start, and the batch commands that log nothing (redact) paid it for no line.
   */
  static void apply(Format format, boolean verbose) {
    synchronized (LOCK) {
      wantedFormat = format;
      wantedVerbose = verbose;
      if (!started) {
        return;
      }
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx
        && !((format.name() + verbose).equals(ctx.getObject(APPLIED))
            && ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("stderr") != null)) {
      configure(ctx, format, verbose);
    }
  }

  /** Logback's start ({@link StderrLogConfigurator}): the configuration last asked for, text at INFO if none was. */
  static void start(LoggerContext ctx) {
    Format format;
    boolean verbose;
    synchronized (LOCK) {
      started = true;
      format = wantedFormat;
      verbose = wantedVerbose;
    }
    configure(ctx, format, verbose);
  }

  static void configure(LoggerContext ctx, Format format, boolean verbose) {
    ctx.putObject(APPLIED, format.name() + verbose);
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(ctx);
    appender.setName("stderr");
    appender.setTarget("System.err");
    appender.setEncoder(encoder(ctx, format));
    appender.start();
    root.addAppender(appender);
    root.setLevel(verbose ? Level.DEBUG : Level.INFO);
    ctx.getLogger("io.netty").setLevel(Level.WARN);
    ctx.getLogger("io.vertx").setLevel(verbose ? Level.INFO : Level.WARN);
  }

  /**
   * The daemon also logs to a size-capped rolling file in its state directory ({@link AgentLogFile}), so that a
   * support bundle can carry the agent's own recent log; the same lines as on stderr.
   */
  static void addStateDirFile(java.nio.file.Path stateDir, Format format) throws java.io.IOException {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(AgentLogFile.start(ctx, stateDir, encoder(ctx, format)));
    }
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, Format format) {
    Encoder<ILoggingEvent> encoder;
    if (format == Format.json) {
      JsonEncoder json = new JsonEncoder();
      json.setWithSequenceNumber(false);
      json.setWithNanoseconds(false);
      json.setWithContext(false);
      json.setWithFormattedMessage(true);
      json.setWithMessage(false);
      json.setWithArguments(false);
      encoder = json;
    } else {
      PatternLayoutEncoder pattern = new PatternLayoutEncoder();
      pattern.setPattern(PATTERN);
      encoder = pattern;
    }
    encoder.setContext(ctx);
    encoder.start();
    return encoder;
  }
}
