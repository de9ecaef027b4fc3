package io.meetingbridge.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Collects every log event of this JVM, formatted with its whole stack trace, while it is open; the
 * given loggers log at every level meanwhile and get their configured levels back on close.
 */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final LoggerContext context;
    /** Levels to put back; a null level means the logger config did not exist and is removed again. */
    private final Map<String, Level> configuredLevels = new HashMap<>();

    private LogCapture(LoggerContext context) {
        super("security-log-capture", null, PatternLayout.newBuilder()
                .withConfiguration(context.getConfiguration())
                .withPattern("%-5level [%t] %c - %msg%n%throwable").build(), true, Property.EMPTY_ARRAY);
        this.context = context;
    }

    /**
     * @param verboseLoggers loggers set to ALL, as an operator would for troubleshooting; their children
     *                       configured with a level of their own keep it
     */
    static LogCapture open(String... verboseLoggers) {
        LogCapture capture = new LogCapture((LoggerContext) LogManager.getContext(false));
        capture.attach(List.of(verboseLoggers));
        return capture;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    String text() {
        return String.join("", lines);
    }

    @Override
    public void append(LogEvent event) {
        lines.add(getLayout().toSerializable(event).toString());
    }

    private void attach(List<String> verboseLoggers) {
        Configuration config = context.getConfiguration();
        start();
        config.addAppender(this);
        for (String name : verboseLoggers) {
            LoggerConfig configured = config.getLoggers().get(name);
            configuredLevels.put(name, configured == null ? null : configured.getLevel());
            Configurator.setLevel(name, Level.ALL);
        }
        // the root sees the events of every additive logger; the others are given the appender themselves
        config.getLoggers().values().stream().filter(logger -> !logger.isAdditive())
                .forEach(logger -> logger.addAppender(this, Level.ALL, null));
        config.getRootLogger().addAppender(this, Level.ALL, null);
        context.updateLoggers();
    }

    @Override
    public void close() {
        Configuration config = context.getConfiguration();
        config.getLoggers().values().forEach(logger -> logger.removeAppender(getName()));
        config.getRootLogger().removeAppender(getName());
        configuredLevels.forEach((name, level) -> {
            if (level == null) {
                config.removeLogger(name);
            } else {
                Configurator.setLevel(name, level);
            }
        });
        context.updateLoggers();
        stop();
    }
}
