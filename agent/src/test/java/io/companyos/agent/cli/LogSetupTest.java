package io.companyos.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  @AfterEach
  void textAgain() {
    LogSetup.apply(LogSetup.Format.text, false);
  }

  @Test
  void logbackStartsWithTheFormatAndLevelTheCommandAskedFor() {
    LogSetup.apply(LogSetup.Format.json, true);
    LoggerContext ctx = new LoggerContext();
    LogSetup.start(ctx);
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(((ConsoleAppender<?>) root.getAppender("stderr")).getEncoder()).isInstanceOf(JsonEncoder.class);
    assertThat(ctx.getLogger("io.vertx").getLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void withoutAWishLogbackStartsWithTextAtInfo() {
    LoggerContext ctx = new LoggerContext();
    LogSetup.start(ctx);
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(((ConsoleAppender<?>) root.getAppender("stderr")).getEncoder())
        .isInstanceOfSatisfying(PatternLayoutEncoder.class, e -> assertThat(e.getPattern()).isEqualTo(LogSetup.PATTERN));
    assertThat(ctx.getLogger("io.netty").getLevel()).isEqualTo(Level.WARN);
    assertThat(ctx.getLogger("io.vertx").getLevel()).isEqualTo(Level.WARN);
  }
}
