package dev.sightline.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.RollingFileAppender;

/** Where the command's log file is (log4j2.properties' appender {@code file}), to print at start. */
final class LogFile {

    private LogFile() {}

    /** The log file's absolute path, or empty when the logging configuration has none. */
    static Optional<Path> path() {
        if (LogManager.getContext(false) instanceof LoggerContext context) {
            Appender appender = context.getConfiguration().getAppender("file");
            if (appender instanceof RollingFileAppender file) {
                return Optional.of(Path.of(file.getFileName()).toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }
}
