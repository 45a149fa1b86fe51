package dev.dxcp.server.observability;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %escapedMsg} (logback-spring.xml): the log message, escaped here, once for every line, rather than
 * at each call (docs/DECISIONS.md). DXCP's own lines ({@code event=...}) are patterns written in the code,
 * which is trusted, with arguments that may be anything a caller sent: an argument between the pattern's
 * quotes ({@code reason="{}"}) is escaped inside them, any other is a bare value, quoted when it is not a
 * plain token ({@link LogValues}). A library's message is not made of pairs, so all of it becomes one
 * quoted {@code msg="..."} value. Either way a line parses back into exactly the pairs that were written.
 */
public class EscapedMessageConverter extends ClassicConverter {
    static final String OWN_LINE = "event=";
    /** Marks where an argument goes; no raw NUL survives the escaping of the pattern itself. */
    private static final char MARK = '\u0000';

    @Override
    public String convert(ILoggingEvent event) {
        String pattern = event.getMessage();
        if (pattern == null || !pattern.startsWith(OWN_LINE)) {
            return "msg=\"" + LogValues.insideQuotes(event.getFormattedMessage()) + '"';
        }
        Object[] arguments = event.getArgumentArray();
        pattern = LogValues.escapeControls(pattern);
        if (arguments == null || arguments.length == 0) {
            return pattern;
        }
        Object[] marks = new Object[arguments.length];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = MARK + Integer.toString(i) + MARK;
        }
        // SLF4J decides which placeholder takes which argument (escaped braces included); only then the values.
        String laidOut = MessageFormatter.arrayFormat(pattern, marks).getMessage();
        StringBuilder line = new StringBuilder(laidOut.length() + 64);
        boolean quoted = false;
        int i = 0;
        while (i < laidOut.length()) {
            char c = laidOut.charAt(i);
            if (c != MARK) {
                if (c == '"' && (i == 0 || laidOut.charAt(i - 1) != '\\')) {
                    quoted = !quoted;
                }
                line.append(c);
                i++;
                continue;
            }
            int end = laidOut.indexOf(MARK, i + 1);
            String value = formatted(arguments[Integer.parseInt(laidOut.substring(i + 1, end))]);
            line.append(quoted ? LogValues.insideQuotes(value) : LogValues.bare(value));
            i = end + 1;
        }
        return line.toString();
    }

    /** One argument as SLF4J would print it (arrays included). */
    private static String formatted(Object argument) {
        return MessageFormatter.arrayFormat("{}", new Object[]{argument}).getMessage();
    }
}
