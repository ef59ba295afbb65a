package dev.notionconsole.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;

/**
 * The console's logging set-up, in code rather than a {@code logback.xml}: reading an XML configuration loads
 * about 900 classes (SAX, Joran) and took a second of every start (docs/decisions/0160-startup-profile-again.md).
 * Found by Logback through {@code META-INF/services}. A {@code logback-test.xml} on the class path or a
 * {@code -Dlogback.configurationFile} wins, so tests and users can still configure Logback their way.
 *
 * <ul>
 *   <li>{@code <logdir>/notion-console.log} (the folder from {@link Logging#LOG_DIR_PROPERTY}), INFO and up,
 *       rolled at 5 MB, three old files kept, created owner-only ({@link OwnerOnlyRollingFileAppender});</li>
 *   <li>standard error, warnings only: standard output belongs to command results;</li>
 *   <li>every line through {@link RedactingLayout}; chatty libraries (HTTP client, D-Bus, keyring) at WARN.</li>
 * </ul>
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {
    static final String FILE_NAME = "notion-console.log";
    private static final String[] QUIET = {"jdk.internal.httpclient", "org.freedesktop", "com.github.javakeyring", "de.swiesend"};

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        configure(context, Path.of(System.getProperty(Logging.LOG_DIR_PROPERTY,
                Path.of(System.getProperty("java.io.tmpdir"), "notion-console-logs").toString())));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The set-up itself, logging into {@code dir}. */
    static void configure(LoggerContext context, Path dir) {
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file(context, dir));
        root.addAppender(stderr(context));
        for (String name : QUIET) {
            context.getLogger(name).setLevel(Level.WARN);
        }
    }

    private static OwnerOnlyRollingFileAppender<ILoggingEvent> file(LoggerContext context, Path dir) {
        OwnerOnlyRollingFileAppender<ILoggingEvent> appender = new OwnerOnlyRollingFileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(dir.resolve(FILE_NAME).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.resolve("notion-console.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n"));
        rolling.start();
        trigger.start();
        appender.start();
        return appender;
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setLevel("WARN");
        warnings.start();
        appender.addFilter(warnings);
        appender.setEncoder(encoder(context, "%-5level %logger{0}: %msg%n"));
        appender.start();
        return appender;
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext context, String pattern) {
        RedactingLayout layout = new RedactingLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }
}
