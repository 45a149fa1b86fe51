package dev.dxcp.server.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.read.ListAppender;
import dev.dxcp.server.observability.KeyValueLine;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability, log forging: control characters, quotes, spaces and '=' sent through everything a request
 * can carry into a log line — token header and claims, header values, methods, paths, query strings, body
 * fields — never split a line or add a pair to it. Every line is written by the server's own layout
 * (logback-spring.xml) and read back with a strict key=value reader. Before the layout escaped values, a
 * token whose typ held a line break wrote a forged ERROR line into the log, unauthenticated.
 */
class ReliabilityLogForgingEndToEndTest extends EndToEndTest {
    private static final Pattern TRACE_LINE = Pattern.compile("(\t|Caused by: |Suppressed: |[A-Za-z_$][\\w.$]*(: |$)).*");

    @Test
    void nothingACallerSendsCanForgeOrSplitALogLine() throws Exception {
        String marker = "forged_" + UUID.randomUUID().toString().substring(0, 8);
        String forged = "\nts=2026-01-01T00:00:00.000Z level=ERROR logger=AuditChain thread=main "
                + "event=audit_chain_broken " + marker + "=1";
        String nel = "\u0085" + marker + "=2 \"q\" a=b";
        Encoder<ILoggingEvent> layout = serverLayout();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        try {
            for (String token : hostileTokens(forged)) {
                assertError(get("/v1/whoami", token), 401, "UNAUTHORIZED");
            }
            rawRequests(marker, nel);
            assertThat(get("/v1/services?q=%0A" + marker + "%3D3%22&x=" + marker, admin()).status()).isEqualTo(200);
            assertThat(get("/v1/deployments/" + marker + "%0A%22%20a=b", admin()).status() / 100).isEqualTo(4);
            Map<String, Object> build = new LinkedHashMap<>(buildBody("e2e-svc-40", uniqueVersion()));
            build.put("git_branch", "main" + forged);
            build.put("ci_run_id", "\"" + nel);
            assertThat(register(ci("forge"), "k-" + marker + forged.replace('\n', ' '), build).status()).isEqualTo(400);
            Map<String, Object> intent = Map.of("service", "e2e-svc-40" + forged, "environment", "sandbox" + nel,
                    "version", "1.0.0", "changeSummary", forged, "recipeId", "default\"" + forged);
            assertThat(post("/v1/deployments", admin(), intent, "Idempotency-Key", marker).status() / 100).isEqualTo(4);
        } finally {
            root.detachAppender(logs);
        }

        List<ILoggingEvent> events = new ArrayList<>(logs.list);
        assertThat(events).as("the hostile requests were logged").hasSizeGreaterThan(10);
        for (ILoggingEvent event : events) {
            assertOneWellFormedEntry(new String(layout.encode(event), StandardCharsets.UTF_8), marker);
        }
        List<String> typRejections = events.stream()
                .filter(e -> e.getFormattedMessage().startsWith("event=token_rejected reason=wrong_type"))
                .map(e -> new String(layout.encode(e), StandardCharsets.UTF_8)).toList();
        assertThat(typRejections).as("the typ attack is logged, its reason named").isNotEmpty();
        String detail = KeyValueLine.parse(typRejections.get(0).lines().findFirst().orElseThrow()).stream()
                .filter(pair -> pair.getKey().equals("detail")).findFirst().orElseThrow().getValue();
        assertThat(detail).as("the value is kept, escaped, not dropped").contains("JWT" + forged);
        assertThat(events).as("no token rejection without a named reason")
                .noneMatch(e -> e.getFormattedMessage().contains("reason=null")
                        || e.getFormattedMessage().contains("reason=\"null\""));
    }

    /** One entry: a first line of pairs the layout wrote, then only stack trace lines; no pair is the marker. */
    private static void assertOneWellFormedEntry(String entry, String marker) {
        assertThat(entry).endsWith("\n");
        List<String> lines = entry.lines().toList();
        List<Map.Entry<String, String>> pairs = KeyValueLine.parse(lines.get(0));
        assertThat(pairs).as(entry).extracting(Map.Entry::getKey).startsWith("ts", "level", "logger", "thread");
        assertThat(pairs.get(4).getKey()).as(entry).isIn("event", "msg");
        Set<String> keys = new HashSet<>();
        for (Map.Entry<String, String> pair : pairs) {
            assertThat(keys.add(pair.getKey())).as("key " + pair.getKey() + " twice in " + entry).isTrue();
            assertThat(pair.getKey()).as(entry).doesNotContain(marker);
        }
        for (String line : lines.subList(1, lines.size())) {
            assertThat(line).as("a continuation of " + lines.get(0)).matches(TRACE_LINE).doesNotStartWith("ts=");
        }
    }

    private List<String> hostileTokens(String forged) {
        return List.of(env.identity.token().sub("forger").type("JWT" + forged).sign(),
                env.identity.token().sub("forger").kid("kid" + forged).sign(),
                env.identity.token().sub("forger").iss("https://issuer.example/" + forged).sign(),
                env.identity.token().sub("forger").aud("aud" + forged).sign(),
                env.identity.token().sub("forger" + forged).expired().sign(),
                env.identity.token().sub("forger").aud("aud").customEmail("mail" + forged).sign(),
                "not.a" + forged.replace('\n', ' ') + ".token");
    }

    /** What a client library refuses to send: odd bytes in the method, path, query and header values. */
    private void rawRequests(String marker, String nel) {
        List<String> requests = List.of(
                "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Request-Id: " + marker + "\t" + nel + "\r\nUser-Agent: a\"b="
                        + nel + "\r\nIdempotency-Key: " + nel + "\r\nConnection: close\r\n\r\n",
                "GE\"T=" + marker + " /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "GET /v1/\"" + marker + "=1" + nel.replace(" ", "") + "?a=\"" + nel.replace(" ", "")
                        + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                "POST /v1/builds/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                        + "a\tb" + nel + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        for (String request : requests) {
            try (RawHttp connection = RawHttp.connect(port)) {
                RawHttp.Answer answer = connection.send(request).readUntilClosed(Duration.ofSeconds(10));
                assertThat(answer.status()).as(request + " -> " + answer.text()).isBetween(200, 499);
            }
        }
    }

    /** The encoder of the server's console appender: exactly what the log file receives. */
    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> serverLayout() {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        return ((OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT")).getEncoder();
    }
}
