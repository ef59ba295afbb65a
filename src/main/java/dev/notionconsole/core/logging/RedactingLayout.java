package dev.notionconsole.core.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.notionconsole.core.Redactor;

/**
 * Logback layout that sends every formatted line, stack traces included, through {@link Redactor}, so no
 * appender can write a token even when a caller forgets to mask one.
 */
public class RedactingLayout extends PatternLayout {
    @Override
    public String doLayout(ILoggingEvent event) {
        return Redactor.redact(super.doLayout(event));
    }
}
