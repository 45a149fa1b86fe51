package dev.dxcp.server.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The log layout escapes what callers send, wherever a line puts it; each case failed before the converter. */
class EscapedMessageConverterTest {
    private static final String FORGED = "\nts=2026-01-01T00:00:00.000Z level=ERROR logger=AuditChain thread=main "
            + "event=audit_chain_broken";
    private final Logger logger = new LoggerContext().getLogger("test");

    @Test
    void aLineBreakInAQuotedValueStaysInsideThatValue() {
        String line = message("event=token_rejected reason={} detail=\"{}\" request_id={}", "wrong_type",
                "JOSE header typ (type) JWT" + FORGED + " not allowed", "r-1");
        assertThat(line).doesNotContain("\n");
        assertThat(KeyValueLine.parse(line)).containsExactly(entry("event", "token_rejected"),
                entry("reason", "wrong_type"), entry("detail", "JOSE header typ (type) JWT" + FORGED + " not allowed"),
                entry("request_id", "r-1"));
    }

    @Test
    void aBareValueThatIsNotOnePlainTokenIsQuoted() {
        String line = message("event=http_request method={} path={} status={}", "GE\"T", "/v1/a b=c\u0085\u202e",
                200);
        assertThat(KeyValueLine.parse(line)).containsExactly(entry("event", "http_request"), entry("method", "GE\"T"),
                entry("path", "/v1/a b=c\u0085\u202e"), entry("status", "200"));
        assertThat(line).doesNotContain("\u0085").doesNotContain("\u202e");
        assertThat(message("event=x empty={} slash={}", "", "a\\b")).isEqualTo("event=x empty=\"\" slash=\"a\\\\b\"");
    }

    @Test
    void aQuoteInsideAQuotedValueCannotCloseIt() {
        String line = message("event=x reason=\"{}\" next={}", "a\" forged=1 b=\"", "ok");
        assertThat(KeyValueLine.parse(line)).containsExactly(entry("event", "x"), entry("reason", "a\" forged=1 b=\""),
                entry("next", "ok"));
    }

    @Test
    void aLibraryMessageIsOneQuotedValue() {
        String line = message("Decoding failed: {}", "GET /x" + FORGED);
        assertThat(KeyValueLine.parse(line)).containsExactly(entry("msg", "Decoding failed: GET /x" + FORGED));
        assertThat(message("Started in " + FORGED)).doesNotContain("\n");
    }

    @Test
    void valuesAreWrittenAsSlf4jWouldPrintThem() {
        assertThat(message("event=x list={} none={} escaped=\\{} n={}", new Object[]{List.of("a", "b"), null, 3}))
                .isEqualTo("event=x list=\"[a, b]\" none=null escaped={} n=3");
        assertThat(message("event=x ids={}", (Object) new String[]{"a", "b"})).isEqualTo("event=x ids=\"[a, b]\"");
    }

    @Test
    void anExceptionMessageCannotStartALineOfItsOwn() {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "event=unhandled_error", 
                new IllegalStateException("bad input" + FORGED, new RuntimeException("cause" + FORGED)), null);
        EscapedThrowableConverter converter = new EscapedThrowableConverter();
        converter.start();
        String trace = converter.convert(event);
        assertThat(trace).startsWith("java.lang.IllegalStateException: bad input\\nts=");
        assertThat(trace.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).doesNotStartWith("ts="));
        assertThat(trace).contains("Caused by: java.lang.RuntimeException: cause\\nts=");
    }

    @Test
    void requestIdsAreEscapedToo() {
        LoggingEvent event = event("event=x", new Object[0]);
        event.setMDCPropertyMap(Map.of(RequestLogContext.KEY, "id with space"));
        assertThat(new RequestIdConverter().convert(event)).isEqualTo(" request_id=\"id with space\"");
    }

    private String message(String pattern, Object... arguments) {
        return new EscapedMessageConverter().convert(event(pattern, arguments));
    }

    private LoggingEvent event(String pattern, Object[] arguments) {
        return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, pattern, null, arguments);
    }
}
