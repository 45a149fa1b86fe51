package dev.dxcp.server.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.DxcpServerApplication;
import dev.dxcp.testsupport.http.TestHttp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability, slow and silent clients, on the embedded server a new user starts (H2, the development
 * issuer), with short timeouts: an idle connection, one that sent half its headers, and one that sent half
 * its body are each closed within their timeout (they once stayed open for good, each holding a file
 * descriptor); a body that stalls ends in 408 with the error body; and eighty clients trickling the body
 * of a token request hold no request thread, so health and authenticated requests stay fast (they once
 * froze the API for 9.7 s, and each stalled request ended in a 500 with a stack trace).
 */
@SpringBootTest(classes = DxcpServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReliabilitySlowClientsEndToEndTest {
    private static final Path DATA_DIR = temporaryDirectory();
    private static final Duration IDLE = Duration.ofSeconds(6);
    private static final Duration HEAD = Duration.ofSeconds(2);
    private static final Duration BODY = Duration.ofSeconds(6);
    /** Scheduling on a busy two-core machine; a timeout that does not work keeps the connection for good. */
    private static final Duration SLACK = Duration.ofSeconds(4);
    private static final String TOKEN_HEAD = "POST /dev-idp/oauth/token HTTP/1.1\r\nHost: x\r\n"
            + "Content-Type: application/json\r\nContent-Length: 120\r\n";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embeddedWithShortTimeouts(DynamicPropertyRegistry registry) {
        registry.add("DXCP_DATA_DIR", DATA_DIR::toString);
        registry.add("DXCP_IDLE_TIMEOUT", () -> IDLE.toSeconds() + "s");
        registry.add("DXCP_HEADER_READ_TIMEOUT", () -> HEAD.toSeconds() + "s");
        registry.add("DXCP_BODY_READ_TIMEOUT", () -> BODY.toSeconds() + "s");
    }

    @Test
    void aConnectionThatSendsNothingIsClosedAfterTheIdleTimeout() {
        try (RawHttp connection = RawHttp.connect(port)) {
            assertClosedAfter(connection.readUntilClosed(IDLE.plus(SLACK).plus(SLACK)), IDLE);
        }
    }

    @Test
    void aKeptAliveConnectionIsClosedAfterTheIdleTimeoutOnceAnswered() {
        try (RawHttp connection = RawHttp.connect(port)) {
            RawHttp.Answer answer = connection.send("GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n")
                    .readUntilClosed(IDLE.plus(SLACK).plus(SLACK));
            assertThat(answer.status()).isEqualTo(200);
            assertClosedAfter(answer, IDLE);
        }
    }

    /** The interim 100 Continue is no answer: the body that follows is not a new request's head. */
    @Test
    void aRequestThatExpectsContinueKeepsItsConnectionUntilTheIdleTimeout() {
        String body = "{\"grant_type\":\"client_credentials\",\"client_id\":\"demo-ci\",\"client_secret\":\"demo-ci-secret\"}";
        try (RawHttp connection = RawHttp.connect(port)) {
            connection.send("POST /dev-idp/oauth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Expect: 100-continue\r\nContent-Length: " + body.length() + "\r\n\r\n");
            sleep(300);
            RawHttp.Answer answer = connection.send(body).readUntilClosed(IDLE.plus(SLACK).plus(SLACK));
            assertThat(answer.text()).contains("HTTP/1.1 200 OK");
            assertClosedAfter(answer, IDLE);
        }
    }

    @Test
    void halfTheHeadersAreClosedAfterTheHeaderReadTimeout() {
        try (RawHttp connection = RawHttp.connect(port)) {
            connection.send("GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Half: ");
            assertClosedAfter(connection.readUntilClosed(HEAD.plus(SLACK).plus(SLACK)), HEAD);
        }
    }

    @Test
    void headersTrickledByteByByteAreClosedAfterTheHeaderReadTimeout() throws Exception {
        String head = "GET /v1/health HTTP/1.1\r\nHost: x\r\nX-Slow: " + "a".repeat(200);
        try (RawHttp connection = RawHttp.connect(port)) {
            AtomicBoolean open = new AtomicBoolean(true);
            Thread trickle = new Thread(() -> {
                for (int i = 0; i < head.length() && open.get(); i++) {
                    open.set(connection.trySend(head.substring(i, i + 1)));
                    sleep(250);
                }
            });
            trickle.start();
            assertClosedAfter(connection.readUntilClosed(HEAD.plus(SLACK).plus(SLACK)), HEAD);
            open.set(false);
            trickle.join();
        }
    }

    @Test
    void halfTheBodyIsAnswered408WithTheErrorBodyAfterTheBodyReadTimeout() {
        try (RawHttp connection = RawHttp.connect(port)) {
            RawHttp.Answer answer = connection.send(TOKEN_HEAD + "\r\n{\"grant_type\":")
                    .readUntilClosed(BODY.plus(SLACK).plus(SLACK));
            assertTimedOutWithTheErrorBody(answer);
            assertClosedAfter(answer, BODY);
        }
    }

    @Test
    void eightySlowBodiesHoldNoRequestThreadAndEachEndsIn408InOneLogLine() throws Exception {
        String admin = TestHttp.post(url("/dev-idp/token/admin"), null, null).json().path("access_token").asText();
        ListAppender<ILoggingEvent> logs = captureLogs();
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 80; i++) {
                slow.add(RawHttp.connect(port).send(TOKEN_HEAD + "\r\n{\"grant_type\":\"client_"));
            }
            sleep(500);
            // Generous bounds: what matters is that nothing waits for the slow bodies (it once took 9.7 s).
            assertAnsweredWithin(() -> TestHttp.get(url("/v1/health"), null), 200);
            assertAnsweredWithin(() -> TestHttp.get(url("/v1/services"), admin), 200);
            assertAnsweredWithin(() -> TestHttp.get(url("/v1/whoami"), admin), 200);
            for (RawHttp connection : slow) {
                assertTimedOutWithTheErrorBody(connection.readUntilClosed(BODY.plus(SLACK).plus(SLACK)));
            }
        } finally {
            slow.forEach(RawHttp::close);
            detach(logs);
        }
        List<ILoggingEvent> timedOut = logs.list.stream()
                .filter(e -> e.getFormattedMessage().startsWith("event=http_request method=POST path=/dev-idp/oauth/token "
                        + "status=408 outcome=body_timeout")).toList();
        assertThat(timedOut).as("one access line each").hasSize(80);
        assertThat(logs.list).as("no stack trace").allMatch(e -> e.getThrowableProxy() == null);
    }

    private static void assertTimedOutWithTheErrorBody(RawHttp.Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(408);
        assertThat(answer.closed()).as("the connection is closed after the 408").isTrue();
        JsonNode body = answer.json();
        assertThat(body.path("code").asText()).isEqualTo("HTTP_ERROR");
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.path("request_id").asText()).isNotBlank().isEqualTo(answer.header("X-Request-Id"));
    }

    /** Closed by the server once {@code timeout} has passed, and not long after. */
    private static void assertClosedAfter(RawHttp.Answer answer, Duration timeout) {
        assertThat(answer.closed()).as("closed within " + timeout.plus(SLACK).plus(SLACK)).isTrue();
        assertThat(answer.after()).as("closed by the timeout, not before it")
                .isGreaterThanOrEqualTo(timeout.minusMillis(300)).isLessThanOrEqualTo(timeout.plus(SLACK));
    }

    private static void assertAnsweredWithin(java.util.function.Supplier<TestHttp.Response> call, int status) {
        long started = System.nanoTime();
        TestHttp.Response response = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(took).as("answered while 80 bodies are stalled").isLessThan(Duration.ofSeconds(2));
    }

    private static ListAppender<ILoggingEvent> captureLogs() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
        return logs;
    }

    private static void detach(ListAppender<ILoggingEvent> logs) {
        root().detachAppender(logs);
    }

    private static Logger root() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("dxcp-slow-clients");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
