package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dxcp.gatesim.control.Outcome;
import dev.dxcp.notify.NotificationOutbox;
import dev.dxcp.notify.WebhookSignature;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications through the running server (docs/GOVERNANCE.md "Notifications"), to a real HTTP receiver
 * on this machine: admin-managed subscriptions whose secret is never answered, signed JSON deliveries of a
 * deploy's start, success and failure, a retry after the receiver answered 500, a Slack-format message, a
 * subscription of another group that gets nothing, the delivery log, and a reset of the outbox processor
 * that sends nothing twice.
 */
class NotificationsEndToEndTest extends AuditTestSupport {
    private static final String SUBSCRIPTIONS = "/v1/admin/notifications/subscriptions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private EventProcessingConfiguration processing;

    private HttpServer receiver;
    private final Map<String, List<Received>> byPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final List<String> created = new ArrayList<>();

    record Received(Map<String, String> headers, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(body, e);
            }
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            byPath.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Received(headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            AtomicInteger left = failuresLeft.get(path);
            boolean fail = path.equals("/down") || (left != null && left.getAndDecrement() > 0);
            byte[] answer = (fail ? "upstream broke: " + "x".repeat(500) : "ok").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        env.gate.outcomes().clear();
        created.forEach(id -> send("DELETE", SUBSCRIPTIONS + "/" + id, freshAdmin(), null));
        receiver.stop(0);
    }

    private String hook(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private JsonNode subscribe(Map<String, Object> body) {
        Response response = post(SUBSCRIPTIONS, freshAdmin(), body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        created.add(response.json().path("id").asText());
        return response.json();
    }

    private static Map<String, Object> subscription(String id, String url, List<String> events, List<String> groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("url", url);
        body.put("events", events);
        body.put("delivery_groups", groups);
        return body;
    }

    private List<Received> received(String path, Predicate<Received> wanted) {
        return byPath.getOrDefault(path, List.of()).stream().filter(wanted).toList();
    }

    private static Predicate<Received> about(String deploymentId) {
        return r -> r.body().contains(deploymentId);
    }

    private List<Received> await(String path, Predicate<Received> wanted, int count) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (received(path, wanted).size() < count && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        List<Received> got = received(path, wanted);
        assertThat(got).as(path).hasSizeGreaterThanOrEqualTo(count);
        return got;
    }

    private JsonNode deliveries(String subscriptionId) {
        Response log = get(SUBSCRIPTIONS + "/" + subscriptionId + "/deliveries", freshAdmin());
        assertThat(log.status()).as(log.body()).isEqualTo(200);
        return log.json().path("deliveries");
    }

    @Test
    void signedDeliveriesOfStartSuccessAndFailure_retriedAfter500_slackFormat_otherGroupsGetNothing_andAResetSendsNothingTwice()
            throws Exception {
        Lane lane = laneOfItsOwn();
        String secret = "whsec-" + unique("k");
        String opsId = unique("ops").toLowerCase();
        Map<String, Object> ops = subscription(opsId, hook("/ops"), List.of("DEPLOYMENT_STARTED",
                "DEPLOYMENT_SUCCEEDED", "DEPLOYMENT_FAILED"), List.of(lane.group()));
        ops.put("secret", secret);
        failuresLeft.put("/ops", new AtomicInteger(1));
        JsonNode opsAnswer = subscribe(ops);
        assertThat(opsAnswer.path("has_secret").asBoolean()).isTrue();
        assertThat(opsAnswer.has("secret")).isFalse();
        assertThat(opsAnswer.toString()).doesNotContain(secret);
        Map<String, Object> chat = subscription(unique("chat").toLowerCase(), hook("/chat"),
                List.of("DEPLOYMENT_FAILED"), List.of(lane.group()));
        chat.put("format", "slack");
        String chatId = subscribe(chat).path("id").asText();
        String otherId = subscribe(subscription(unique("other").toLowerCase(), hook("/elsewhere"),
                List.of("DEPLOYMENT_STARTED", "DEPLOYMENT_SUCCEEDED", "DEPLOYMENT_FAILED"), List.of("default")))
                .path("id").asText();
        String downId = subscribe(subscription(unique("down").toLowerCase(), hook("/down"),
                List.of("DEPLOYMENT_SUCCEEDED"), List.of(lane.group()))).path("id").asText();
        Response listed = get(SUBSCRIPTIONS, freshAdmin());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(opsId).doesNotContain(secret);

        Admin admin = namedAdmin();
        String good = registered(lane.service());
        String succeeded = deployedSuccessfully(admin.token(), lane, good);
        env.gate.outcomes().forParameter("service", lane.service(), Outcome.controllerError("artifact_bucket_mismatch"));
        Response failing = deploy(admin.token(), intent(lane, registered(lane.service())));
        assertThat(failing.status()).as(failing.body()).isEqualTo(201);
        String failed = failing.json().path("id").asText();
        assertThat(awaitTerminal(failed).path("state").asText()).isEqualTo("FAILED");
        env.gate.outcomes().clear();

        // The JSON subscription: start, success, start, failure; the first attempt was answered 500 and retried.
        await("/ops", about(succeeded).or(about(failed)), 5);
        awaitDelivery(opsId, d -> d.path("attempts").asInt() == 2);
        List<Received> opsRequests = received("/ops", about(succeeded).or(about(failed)));
        assertThat(opsRequests).hasSize(5);
        Map<String, Long> attemptsPerDelivery = opsRequests.stream().collect(java.util.stream.Collectors.groupingBy(
                r -> r.json().path("delivery_id").asText(), java.util.stream.Collectors.counting()));
        assertThat(attemptsPerDelivery.values()).containsExactlyInAnyOrder(2L, 1L, 1L, 1L);
        String retried = opsRequests.get(0).json().path("delivery_id").asText();
        assertThat(attemptsPerDelivery.get(retried)).as("the delivery answered 500 was sent again").isEqualTo(2L);
        assertThat(opsRequests.stream().filter(r -> r.body().contains(retried)).map(Received::body).distinct())
                .as("a retry sends the same bytes").hasSize(1);
        for (Received r : opsRequests) {
            assertThat(r.headers().get("x-dxcp-signature"))
                    .isEqualTo(WebhookSignature.of(secret, r.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(r.headers().get("x-dxcp-event")).isEqualTo(r.json().path("event_type").asText());
            assertThat(r.headers().get("x-dxcp-delivery")).isEqualTo(r.json().path("delivery_id").asText());
        }
        assertThat(opsRequests.stream().map(r -> r.json().path("delivery_id").asText()).distinct()).hasSize(4);
        JsonNode success = single(opsRequests, succeeded, "DEPLOYMENT_SUCCEEDED");
        assertThat(success.path("deployment").path("service").asText()).isEqualTo(lane.service());
        assertThat(success.path("deployment").path("environment").asText()).isEqualTo(lane.environment());
        assertThat(success.path("deployment").path("delivery_group_id").asText()).isEqualTo(lane.group());
        assertThat(success.path("deployment").path("version").asText()).isEqualTo(good);
        assertThat(success.path("deployment").path("requested_by").asText()).isEqualTo(admin.email());
        single(opsRequests, succeeded, "DEPLOYMENT_STARTED");
        single(opsRequests, failed, "DEPLOYMENT_STARTED");
        JsonNode failure = single(opsRequests, failed, "DEPLOYMENT_FAILED");
        assertThat(failure.path("details").path("failures").get(0).path("category").asText()).isEqualTo("ARTIFACT");

        // The Slack subscription: one message, for the failure only, unsigned (it has no secret).
        Received slack = await("/chat", r -> r.body().contains(lane.service()), 1).get(0);
        assertThat(received("/chat", r -> r.body().contains(lane.service()))).hasSize(1);
        assertThat(slack.json().path("text").asText()).startsWith(":x: Deployment of *" + lane.service() + "*");
        assertThat(slack.json().path("blocks").get(0).path("type").asText()).isEqualTo("section");
        assertThat(slack.headers()).doesNotContainKey("x-dxcp-signature");

        // The delivery log: attempts, status code, the receiver's error as a short excerpt, retries to failed.
        JsonNode opsLog = deliveries(opsId);
        assertThat(opsLog).hasSize(4);
        assertThat(opsLog).allSatisfy(d -> assertThat(d.path("status").asText()).isEqualTo("delivered"));
        assertThat(opsLog).filteredOn(d -> d.path("attempts").asInt() == 2).hasSize(1);
        assertThat(opsLog).allSatisfy(d -> assertThat(d.path("last_status_code").asInt()).isEqualTo(200));
        JsonNode down = awaitDelivery(downId, d -> d.path("status").asText().equals("failed"));
        assertThat(down.path("attempts").asInt()).isEqualTo(4);
        assertThat(down.path("last_status_code").asInt()).isEqualTo(500);
        assertThat(down.path("last_error").asText()).startsWith("HTTP 500: upstream broke: xxx").hasSizeLessThan(140);
        assertThat(down.path("next_attempt_at").isNull()).isTrue();
        assertThat(received("/down", about(succeeded))).hasSize(4);

        // Nothing for the subscription of another group.
        assertThat(received("/elsewhere", about(succeeded).or(about(failed)))).isEmpty();
        assertThat(deliveries(otherId).toString()).doesNotContain(succeeded).doesNotContain(failed);

        // A reset outbox processor reads every event again and sends nothing twice.
        int before = byPath.values().stream().mapToInt(List::size).sum();
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox", Integer.class);
        StreamingEventProcessor outbox = processing.eventProcessor(NotificationOutbox.NAME,
                StreamingEventProcessor.class).orElseThrow();
        outbox.shutDown();
        outbox.resetTokens();
        outbox.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!caughtUp(outbox) && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        assertThat(caughtUp(outbox)).isTrue();
        sleep(1_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox", Integer.class)).isEqualTo(rows);
        assertThat(byPath.values().stream().mapToInt(List::size).sum()).isEqualTo(before);
        assertThat(chatId).isNotBlank();
    }

    @Test
    void subscriptionsAreAdminOnly_badInputIsRefusedWithTheContractsCodes_andEveryChangeIsAudited() {
        String owner = env.identity.ownerToken("notify.owner@example.com");
        Map<String, Object> body = subscription(unique("audited").toLowerCase(), "https://hooks.example.com/T0/B0/x",
                List.of("APPROVAL_REQUESTED", "FREEZE_OVERRIDDEN"), List.of());
        assertError(post(SUBSCRIPTIONS, owner, body), 403, "ROLE_FORBIDDEN");
        assertError(get(SUBSCRIPTIONS, owner), 403, "ROLE_FORBIDDEN");
        Map<String, Object> ftp = new LinkedHashMap<>(body);
        ftp.put("url", "ftp://hooks.example.com/x");
        assertError(post(SUBSCRIPTIONS, freshAdmin(), ftp), 400, "INVALID_REQUEST");
        Map<String, Object> unknownEvent = new LinkedHashMap<>(body);
        unknownEvent.put("events", List.of("DEPLOYMENT_EXPLODED"));
        assertError(post(SUBSCRIPTIONS, freshAdmin(), unknownEvent), 400, "INVALID_REQUEST");
        long head = headPosition();
        Map<String, Object> withSecret = new LinkedHashMap<>(body);
        withSecret.put("secret", "audit-must-not-show-this");
        String id = subscribe(withSecret).path("id").asText();
        assertError(post(SUBSCRIPTIONS, freshAdmin(), body), 409, "NOTIFICATION_SUBSCRIPTION_EXISTS");
        assertError(get(SUBSCRIPTIONS + "/no-such-hook/deliveries", freshAdmin()), 404, "NOT_FOUND");
        assertError(get(SUBSCRIPTIONS + "/" + id + "/deliveries?limit=0", freshAdmin()), 400, "INVALID_REQUEST");

        Map<String, Object> update = new LinkedHashMap<>(body);
        update.remove("id");
        update.put("format", "slack");
        Response kept = put(SUBSCRIPTIONS + "/" + id, freshAdmin(), update);
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().path("format").asText()).isEqualTo("slack");
        assertThat(kept.json().path("has_secret").asBoolean()).as("an absent secret is kept").isTrue();
        update.put("secret", null);
        Response removed = put(SUBSCRIPTIONS + "/" + id, freshAdmin(), update);
        assertThat(removed.json().path("has_secret").asBoolean()).as("a null secret is removed").isFalse();
        assertError(put(SUBSCRIPTIONS + "/no-such-hook", freshAdmin(), update), 404, "NOT_FOUND");

        assertThat(send("DELETE", SUBSCRIPTIONS + "/" + id, freshAdmin(), null).status()).isEqualTo(204);
        created.remove(id);
        assertError(get(SUBSCRIPTIONS + "/" + id, freshAdmin()), 404, "NOT_FOUND");
        List<JsonNode> audited = awaitAudit("limit=500", target(id), 4);
        assertThat(audited.stream().map(e -> e.path("event_type").asText()))
                .contains("ADMIN_CREATE", "ADMIN_UPDATE", "ADMIN_DELETE");
        assertThat(audited).allSatisfy(e -> {
            assertThat(e.path("target_type").asText()).isEqualTo("WebhookSubscription");
            assertThat(e.path("summary").asText()).doesNotContain("audit-must-not-show-this").doesNotContain("/T0/B0");
        });
        String replayed = replay("after=" + head).toString();
        assertThat(replayed).contains("WebhookSubscriptionCreated").doesNotContain("audit-must-not-show-this");
    }

    private static JsonNode single(List<Received> requests, String deploymentId, String eventType) {
        List<JsonNode> matching = requests.stream().map(Received::json)
                .filter(j -> j.path("deployment").path("id").asText().equals(deploymentId))
                .filter(j -> j.path("event_type").asText().equals(eventType))
                .distinct().toList();
        assertThat(matching).as(eventType + " of " + deploymentId).hasSize(1);
        return matching.get(0);
    }

    private JsonNode awaitDelivery(String subscriptionId, Predicate<JsonNode> wanted) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode d : deliveries(subscriptionId)) {
                if (wanted.test(d)) {
                    return d;
                }
            }
            sleep(100);
        }
        throw new AssertionError("no such delivery of " + subscriptionId + ": " + deliveries(subscriptionId));
    }

    private boolean caughtUp(StreamingEventProcessor processor) {
        long head = headPosition();
        return processor.isRunning() && !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(-1) >= head);
    }
}
