package dev.notionconsole.core.logging;

import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.notionconsole.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The log file appender: Logback's rolling appender, except that the log file (also each new one after a
 * rollover) and its folder are created readable only by their owner, through the same routine as every other
 * file the console keeps ({@link AtomicFiles#prepareOwnerOnly}; docs/decisions/0093).
 */
public class OwnerOnlyRollingFileAppender<E> extends RollingFileAppender<E> {
    @Override
    public void openFile(String fileName) throws IOException {
        AtomicFiles.prepareOwnerOnly(Path.of(fileName));
        super.openFile(fileName);
    }
}
