package dev.dxcp.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dxcp.events.build.BuildMessages.BuildRegistered;
import dev.dxcp.events.deployment.ApprovalMessages.ApprovalRequested;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalExpired;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentApprovalGranted;
import dev.dxcp.events.deployment.ApprovalMessages.DeploymentRejected;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentAccepted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentCanceled;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentFailed;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentRolledBackByEngine;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.DeploymentSucceeded;
import dev.dxcp.events.governance.GovernanceMessages.FreezeOverridden;
import dev.dxcp.events.notification.NotificationMessages.StoreWebhookSecret;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionCreated;
import dev.dxcp.events.notification.NotificationMessages.WebhookSubscriptionDeleted;
import dev.dxcp.events.notification.WebhookSubscription;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and the dispatcher on the embedded database (H2 in PostgreSQL mode, as embedded mode runs it),
 * with the server's V5 migration and a real HTTP receiver: one row per (event, subscription) however often
 * the events are read, matching against the subscriptions of the event's time, a row sent by one of two
 * racing dispatchers only, retries with back-off until delivered or failed.
 */
class OutboxOnEmbeddedDatabaseTest {
    private static final Path MIGRATION = Path.of("../server/src/main/resources/db/migration/V5__notifications.sql");

    /** A little ahead of the events' own timestamps, as a dispatcher's clock is of events already stored. */
    private final MovableClock clock = new MovableClock(
            Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    private JdbcTemplate jdbc;
    private HttpServer receiver;
    private final ConcurrentLinkedQueue<Map<String, String>> received = new ConcurrentLinkedQueue<>();
    private final AtomicReference<List<Integer>> answers = new AtomicReference<>(List.of());
    private final AtomicInteger calls = new AtomicInteger();
    private NotificationOutbox outbox;
    private AnnotationEventHandlerAdapter handlers;
    private WebhookSecrets secrets;

    @BeforeEach
    void setUp() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE,KEY,TYPE;"
                + "DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        for (String statement : Files.readString(MIGRATION).replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        outbox = new NotificationOutbox(jdbc, new WebhookPayloads(new ObjectMapper()));
        handlers = new AnnotationEventHandlerAdapter(outbox);
        secrets = new WebhookSecrets(jdbc, clock);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            int call = calls.getAndIncrement();
            received.add(Map.of("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-DXCP-Signature")),
                    "delivery", String.valueOf(exchange.getRequestHeaders().getFirst("X-DXCP-Delivery"))));
            List<Integer> scripted = answers.get();
            int status = call < scripted.size() ? scripted.get(call) : 200;
            byte[] answer = ("answer " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.start();
        jdbc.update("INSERT INTO notify_deployment (deployment_id, deployment_kind, service_name, environment,"
                + " delivery_group_id, version) VALUES ('dep-1', 'ROLL_FORWARD', 'svc', 'prod', 'payments', '1.0.0')");
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private WebhookSubscription subscription(String id, String secretRef, List<String> groups) {
        return new WebhookSubscription(id, url(), List.of("DEPLOYMENT_SUCCEEDED", "DEPLOYMENT_FAILED"), groups,
                "json", secretRef, null, true, clock.instant(), "admin", clock.instant(), "admin");
    }

    private WebhookDispatcher dispatcher(int maxAttempts) {
        NotifySettings settings = new NotifySettings(maxAttempts, Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1));
        return new WebhookDispatcher(jdbc, secrets, new WebhookSender(settings.connectTimeout(),
                settings.readTimeout()), settings, clock);
    }

    private static EventMessage<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    /** Through Axon's annotation routing, as the outbox's tracking processor hands it events. */
    private void read(EventMessage<?> message) {
        try {
            handlers.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox", Integer.class);
    }

    @Test
    void theOutboxTakesOnlyEventsThatCanBeNotifications_soItsProcessorDeserializesNoOther() {
        for (Class<?> notifiable : List.of(EngineExecutionStarted.class, DeploymentSucceeded.class,
                DeploymentFailed.class, DeploymentRolledBackByEngine.class, ApprovalRequested.class,
                DeploymentApprovalGranted.class, DeploymentRejected.class, DeploymentApprovalExpired.class,
                FreezeOverridden.class, DeploymentAccepted.class, WebhookSubscriptionCreated.class)) {
            assertThat(handlers.canHandleType(notifiable)).as(notifiable.getSimpleName()).isTrue();
        }
        for (Class<?> other : List.of(DeploymentCanceled.class, BuildRegistered.class, Object.class)) {
            assertThat(handlers.canHandleType(other)).as(other.getSimpleName()).isFalse();
        }
    }

    @Test
    void readingTheEventsAgainAfterAReset_addsNoRowAndMatchesOnlySubscriptionsOfTheEventsTime() {
        List<EventMessage<?>> history = List.of(
                event(new WebhookSubscriptionCreated(subscription("early", null, List.of()))),
                event(new DeploymentSucceeded("dep-1", clock.instant())),
                event(new WebhookSubscriptionCreated(subscription("late", null, List.of()))));
        history.forEach(this::read);
        assertThat(rows()).isEqualTo(1);

        outbox.reset();
        history.forEach(this::read);

        assertThat(rows()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT subscription_id FROM notify_outbox", String.class)).isEqualTo("early");
    }

    @Test
    void aSubscriptionLimitedToAnotherGroupGetsNoRow() {
        read(event(new WebhookSubscriptionCreated(subscription("other", null, List.of("checkout")))));
        read(event(new DeploymentFailed("dep-1", List.of(), clock.instant())));
        assertThat(rows()).isZero();
    }

    @Test
    void twoDispatchersRacingOverTheSameRows_sendEachRowOnce_signedWithTheSubscriptionsSecret() throws Exception {
        String ref = secrets.handle(new StoreWebhookSecret("topsecret"));
        read(event(new WebhookSubscriptionCreated(subscription("ops", ref, List.of()))));
        for (int i = 0; i < 15; i++) {
            read(event(new DeploymentSucceeded("dep-1", clock.instant())));
        }
        WebhookDispatcher first = dispatcher(3);
        WebhookDispatcher second = dispatcher(3);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        var a = pool.submit(() -> { start.await(); return first.deliverDue(); });
        var b = pool.submit(() -> { start.await(); return second.deliverDue(); });
        start.countDown();
        int claimed = a.get() + b.get();
        pool.shutdown();

        assertThat(claimed).isEqualTo(15);
        assertThat(received).hasSize(15);
        assertThat(received.stream().map(r -> r.get("delivery")).distinct()).hasSize(15);
        assertThat(received).allSatisfy(r -> assertThat(r.get("signature"))
                .isEqualTo(WebhookSignature.of("topsecret", r.get("body").getBytes(StandardCharsets.UTF_8))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE status = 'delivered'", Integer.class))
                .isEqualTo(15);
        assertThat(first.deliverDue() + second.deliverDue()).isZero();
    }

    @Test
    void aRefusedDeliveryIsRetriedAfterItsPause_andFailsForGoodAfterTheLastAttempt() {
        answers.set(List.of(500, 503, 500));
        read(event(new WebhookSubscriptionCreated(subscription("ops", null, List.of()))));
        read(event(new DeploymentFailed("dep-1", List.of(), clock.instant())));
        WebhookDispatcher dispatcher = dispatcher(3);

        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM notify_outbox");
        assertThat(row.get("status")).isEqualTo("pending");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status_code")).isEqualTo(500);
        assertThat((String) row.get("last_error")).isEqualTo("HTTP 500: answer 500");
        assertThat(dispatcher.deliverDue()).as("not due before its pause").isZero();

        clock.advance(Duration.ofSeconds(10));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(19));
        assertThat(dispatcher.deliverDue()).as("the second pause is twice the first").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(dispatcher.deliverDue()).isEqualTo(1);

        row = jdbc.queryForMap("SELECT * FROM notify_outbox");
        assertThat(row.get("status")).isEqualTo("failed");
        assertThat(row.get("attempts")).isEqualTo(3);
        assertThat(row.get("next_attempt_at")).isNull();
        clock.advance(Duration.ofHours(1));
        assertThat(dispatcher.deliverDue()).isZero();
        assertThat(calls.get()).isEqualTo(3);
    }

    @Test
    void aDeliveryOfADeletedSubscriptionIsCanceled_andItsSecretForgotten() {
        String ref = secrets.handle(new StoreWebhookSecret("gone"));
        WebhookSubscription s = subscription("ops", ref, List.of());
        read(event(new WebhookSubscriptionCreated(s)));
        read(event(new DeploymentSucceeded("dep-1", clock.instant())));
        read(event(new WebhookSubscriptionDeleted(s, clock.instant())));

        assertThat(dispatcher(3).deliverDue()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM notify_outbox", String.class)).isEqualTo("canceled");
        assertThat(calls.get()).isZero();
        assertThat(secrets.of(ref)).isEmpty();
    }

    /** A clock the test moves, so back-off is checked without waiting. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(at -> at.plus(by));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
