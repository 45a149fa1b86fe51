package dev.dxcp.server.observability;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;

import java.util.Arrays;

/**
 * {@code %escapedEx}: stack traces as logback prints them, with each exception's message escaped
 * ({@link LogValues#escapeControls}). An exception message may quote what a caller sent; with a line
 * break in it, the trace could carry a line that looks like a log line of its own. Every line of a trace
 * after the first now starts with a tab, "Caused by:" or the exception's class name.
 */
public class EscapedThrowableConverter extends ThrowableProxyConverter {
    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return super.throwableProxyToString(new Escaped(throwable));
    }

    private record Escaped(IThrowableProxy raw) implements IThrowableProxy {
        @Override
        public String getMessage() {
            return LogValues.escapeControls(raw.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return LogValues.escapeControls(raw.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return raw.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return raw.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return raw.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return raw.getCause() == null ? null : new Escaped(raw.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = raw.getSuppressed();
            return suppressed == null ? null : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return raw.isCyclic();
        }
    }
}
