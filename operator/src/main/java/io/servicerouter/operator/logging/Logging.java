package io.servicerouter.operator.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The operator's logging (SPEC §7.1 {@code --log-level}, {@code --log-format}): one line per event on the given
 * stream, as text or as one JSON object per line. Lines logged while a reconcile runs carry the primary's kind,
 * namespace and name ({@link #KIND}, {@link #NAMESPACE}, {@link #NAME} in the MDC, and {@link #OBJECT} for text):
 * in text between the logger and the message, in JSON in the {@code mdc} object.
 */
public final class Logging {

  /** MDC key of the kind of the object a line concerns. */
  public static final String KIND = "kind";
  /** MDC key of its namespace (absent for cluster-scoped objects). */
  public static final String NAMESPACE = "namespace";
  /** MDC key of its name. */
  public static final String NAME = "name";
  /** MDC key of the three in one, as text lines show them: {@code ServiceRoute team-a/web}. */
  public static final String OBJECT = "object";

  private static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{0}"
      + "%replace( %X{object}){'^ $', ''} - %msg%n";

  private Logging() {}

  /**
   * Replaces the logging configuration.
   *
   * @param level trace, debug, info, warn or error
   * @param json one JSON object per line instead of text
   * @param out where lines go (standard error outside tests)
   */
  public static void configure(String level, boolean json, OutputStream out) {
    configure((LoggerContext) LoggerFactory.getILoggerFactory(), level, json, out);
  }

  /**
   * Replaces the configuration of {@code context}: the same as {@link #configure(String, boolean, OutputStream)}
   * for a context that is not yet the logger factory's, as while logback initialises itself.
   */
  public static void configure(LoggerContext context, String level, boolean json, OutputStream out) {
    context.reset();
    Encoder<ILoggingEvent> encoder = json ? new JsonEncoder() : textEncoder();
    encoder.setContext(context);
    encoder.start();
    OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    appender.setContext(context);
    appender.setName(json ? "json" : "text");
    appender.setEncoder(encoder);
    appender.setOutputStream(new KeptOpen(out));
    appender.setImmediateFlush(true);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    root.addAppender(appender);
  }

  /**
   * Runs {@code work} with the object's kind, namespace and name in the MDC of the current thread.
   *
   * @param namespace null or empty for cluster-scoped objects
   */
  public static void about(String kind, String namespace, String name, Runnable work) {
    boolean namespaced = namespace != null && !namespace.isEmpty();
    MDC.put(KIND, kind);
    if (namespaced) {
      MDC.put(NAMESPACE, namespace);
    }
    MDC.put(NAME, name);
    MDC.put(OBJECT, kind + " " + (namespaced ? namespace + "/" : "") + name);
    try {
      work.run();
    } finally {
      MDC.remove(KIND);
      MDC.remove(NAMESPACE);
      MDC.remove(NAME);
      MDC.remove(OBJECT);
    }
  }

  /**
   * The stream an appender writes to, flushed but never closed when the appender stops (at the next
   * {@code configure}): it is usually the process's standard error, which a second configuration writes to again.
   */
  private static final class KeptOpen extends FilterOutputStream {

    KeptOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private static PatternLayoutEncoder textEncoder() {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setPattern(TEXT_PATTERN);
    return encoder;
  }
}
