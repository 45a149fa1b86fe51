package dev.dxcp.server.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a failed start as one log line, {@code event=start_failed cause=... detail="..."}, instead of
 * Spring Boot's "Application run failed" stack trace or its multi-line failure analysis: an operator or a
 * process supervisor reads the cause at once. The stack trace is still there at DEBUG for this logger.
 * Runs before Spring Boot's own reporter and, by answering that it reported, replaces it
 * (docs/DECISIONS.md 61). A start ended by a stop signal is logged by StopDuringStart as it ends it: by the
 * time this runs, the shutdown under way may have stopped logging.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartFailureReport implements SpringBootExceptionReporter {
    private static final Logger log = LoggerFactory.getLogger(StartFailureReport.class);

    private final ConfigurableApplicationContext context;

    public StartFailureReport(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean reportException(Throwable failure) {
        StartFailure cause = StartFailure.of(failure, context == null ? null : context.getEnvironment());
        if (!StopDuringStart.STOPPED.equals(cause.cause())) {
            log(cause);
        }
        log.debug("event=start_failed_trace", failure);
        return true;
    }

    static void log(StartFailure cause) {
        log.error("event=start_failed cause={} detail=\"{}\"", cause.cause(), oneLine(cause.detail()));
    }

    /** One line whatever the exception said: line breaks become spaces, quotes are escaped. */
    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").replace("\"", "\\\"");
    }
}
