package dev.dxcp.server.observability;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Appends {@code request_id=} from the logging context to lines that do not already name it, so every
 * line of a request can be found with one search, without printing the key twice on lines that log it.
 */
public class RequestIdConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        String requestId = event.getMDCPropertyMap().get(RequestLogContext.KEY);
        if (requestId == null || event.getFormattedMessage().contains("request_id=")) {
            return "";
        }
        return " request_id=" + LogValues.bare(requestId);
    }
}
