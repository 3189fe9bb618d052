package io.servicerouter.app;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.servicerouter.operator.logging.Logging;

/**
 * Logback's configuration at the start of every command: text lines on standard error at level info (the operator
 * then applies its {@code --log-level} and {@code --log-format}). Set in code instead of read from a
 * {@code logback.xml}, which costs logback's XML configuration model and the JDK's XML parser (~330 classes) at
 * every start. A file named by {@code -Dlogback.configurationFile} (the drill's) is still read.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class DefaultLogging extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    Logging.configure(context, "info", false, System.err);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
