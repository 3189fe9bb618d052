package io.servicerouter.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import org.junit.jupiter.api.Test;

/** Logback's start-up configuration comes from {@link DefaultLogging}, found as a service, not from a file. */
class DefaultLoggingTest {

  @Test
  void logbackStartsWithTextLinesAtInfoFromTheRegisteredConfigurator() throws JoranException {
    LoggerContext context = new LoggerContext();
    new ContextInitializer(context).autoConfig(DefaultLoggingTest.class.getClassLoader());

    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    assertThat(root.getAppender("text")).isInstanceOf(OutputStreamAppender.class);
  }

  @Test
  void aConfigurationFileNamedOnTheCommandLineIsLeftToLogback() {
    String before = System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, "logback-systemtest.xml");
    try {
      LoggerContext context = new LoggerContext();
      DefaultLogging logging = new DefaultLogging();
      logging.setContext(context);

      assertThat(logging.configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
      assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("text")).isNull();
    } finally {
      if (before == null) {
        System.clearProperty(ContextInitializer.CONFIG_FILE_PROPERTY);
      } else {
        System.setProperty(ContextInitializer.CONFIG_FILE_PROPERTY, before);
      }
    }
  }
}
