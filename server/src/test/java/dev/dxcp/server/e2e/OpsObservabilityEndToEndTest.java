package dev.dxcp.server.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator watches: Prometheus metrics, readiness that follows the database, and one request id
 * across the HTTP request, its commands, its events, the saga's steps and the engine call.
 */
class OpsObservabilityEndToEndTest extends DeploymentTestSupport {
    @Autowired
    CommandBus commandBus;

    @Test
    void prometheusExposesCommandEventProjectionSagaGateAndDenialMetrics() {
        String service = serviceInOwnGroup(null, Map.of("daily_deploy_quota", 1));
        deployedSuccessfully(admin(), service, registered(service));
        assertError(deploy(admin(), intent(service, registered(service))), 429, "QUOTA_EXCEEDED");
        try {
            assertThat(put("/v1/admin/system/rate-limits", freshAdmin(),
                    Map.of("read_rpm", 2, "mutate_rpm", 5000, "daily_quota_build_register", 5000)).status()).isEqualTo(200);
            String reader = env.identity.observerToken();
            get("/v1/deployments", reader);
            get("/v1/deployments", reader);
            assertError(get("/v1/deployments", reader), 429, "RATE_LIMITED");
        } finally {
            restoreBaseline();
        }

        String metrics = TestHttp.get(url("/actuator/prometheus"), null).body();
        assertThat(metrics)
                .contains("dxcp_commands_seconds_count{command=\"SubmitDeployment\",outcome=\"success\"")
                .contains("dxcp_events_appended_total{type=\"DeploymentAccepted\"")
                .contains("dxcp_projection_lag{processor=\"builds\"")
                .contains("dxcp_projection_lag{processor=\"deployments\"")
                .contains("dxcp_projection_failed{processor=\"deployments\"")
                .contains("dxcp_eventstore_head")
                .contains("dxcp_saga_in_flight")
                .contains("dxcp_saga_deadlines_scheduled")
                .contains("dxcp_gate_calls_seconds_count{operation=\"trigger\",outcome=\"2xx\"")
                .contains("dxcp_gate_calls_seconds_count{operation=\"execution\",outcome=\"2xx\"")
                .containsPattern("dxcp_requests_denied_total\\{code=\"QUOTA_EXCEEDED\",endpoint=\"/v1/deployments\","
                        + "method=\"POST\"} [1-9]")
                .containsPattern("dxcp_requests_denied_total\\{code=\"RATE_LIMITED\",endpoint=\"/v1/deployments\","
                        + "method=\"GET\"} [1-9]");
    }

    @Test
    void oneRequestIdLeadsFromTheRequestThroughCommandsEventsSagaAndEngineCall() {
        String service = serviceInOwnGroup(null, null);
        String version = registered(service);
        String requestId = "ops-trace-" + UUID.randomUUID();
        List<String> commandContexts = new CopyOnWriteArrayList<>();
        MessageHandlerInterceptor<CommandMessage<?>> spy = (unit, chain) -> {
            Object sent = unit.getMessage().getMetaData().get("request_id");
            if (requestId.equals(sent)) {
                commandContexts.add(unit.getMessage().getPayloadType().getSimpleName() + "@"
                        + Thread.currentThread().getName() + "=" + MDC.get("request_id"));
            }
            return chain.proceed();
        };
        Registration registration = commandBus.registerHandlerInterceptor(spy);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        String id;
        try {
            Response created = post("/v1/deployments", admin(), intent(service, version),
                    "Idempotency-Key", UUID.randomUUID().toString(), "X-Request-Id", requestId);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            id = created.json().path("id").asText();
            assertThat(awaitTerminal(id).path("state").asText()).isEqualTo("SUCCEEDED");
        } finally {
            root.detachAppender(logs);
            registration.cancel();
        }

        // The HTTP thread and the saga's command thread both handle commands under the request's id.
        assertThat(commandContexts).anyMatch(c -> c.startsWith("SubmitDeployment@dxcp-http-") && c.endsWith("=" + requestId));
        assertThat(commandContexts).anyMatch(c -> c.startsWith("RecordEngineExecution@") && c.endsWith("=" + requestId));
        assertThat(commandContexts).allMatch(c -> c.endsWith("=" + requestId));
        // The events carry it in their metadata, including those the saga's commands appended.
        for (String type : List.of("DeploymentAccepted", "EngineExecutionStarted", "DeploymentSucceeded")) {
            String metadata = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                    + "WHERE aggregateidentifier = ? AND payloadtype LIKE ?", String.class, id, "%" + type);
            assertThat(metadata).as(type).contains("\"request_id\":\"" + requestId + "\"");
        }
        // The access line and the saga's engine trigger (on a scheduler thread) log it from the logging context.
        List<ILoggingEvent> traced = logs.list.stream()
                .filter(e -> requestId.equals(e.getMDCPropertyMap().get("request_id"))).toList();
        assertThat(traced).anyMatch(e -> e.getFormattedMessage().startsWith("event=http_request method=POST"));
        assertThat(traced).anyMatch(e -> e.getFormattedMessage().startsWith("event=engine_triggered")
                && !e.getThreadName().startsWith("dxcp-http-"));
        // No line of another request is logged under this id.
        assertThat(traced).allMatch(e -> !e.getFormattedMessage().contains("request_id=")
                || e.getFormattedMessage().contains("request_id=" + requestId));
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachableAndTheServerRecoversAfter() {
        assertThat(TestHttp.get(url("/actuator/health/readiness"), null).status()).isEqualTo(200);
        env.postgres.stopServer();
        try {
            awaitStatus("/actuator/health/readiness", 503, 60_000);
            assertThat(TestHttp.get(url("/actuator/health/liveness"), null).status()).isEqualTo(200);
            assertThat(TestHttp.get(url("/actuator/health/readiness"), null).json().path("status").asText())
                    .isEqualTo("DOWN");
        } finally {
            env.postgres.startServer();
        }
        awaitStatus("/actuator/health/readiness", 200, 60_000);
        // Tracking processors resume by themselves once the pool reconnects.
        awaitProjectionsLive();
        String service = serviceInOwnGroup(null, null);
        String version = registered(service);
        assertThat(get("/v1/builds?service=" + service + "&version=" + version, admin()).status()).isEqualTo(200);
        deployedSuccessfully(admin(), service, version);
    }

    private void awaitStatus(String path, int status, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            last = TestHttp.get(url(path), null).status();
            if (last == status) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError(path + " stayed " + last + ", expected " + status);
    }

    private void awaitProjectionsLive() {
        long deadline = System.currentTimeMillis() + 120_000;
        JsonNode list = null;
        while (System.currentTimeMillis() < deadline) {
            Response response = get("/v1/admin/projections", admin());
            if (response.status() == 200) {
                list = response.json();
                boolean live = true;
                for (JsonNode processor : list.path("projections")) {
                    live &= processor.path("state").asText().equals("live");
                }
                for (JsonNode processor : list.path("sagas")) {
                    live &= processor.path("state").asText().equals("live");
                }
                if (live) {
                    return;
                }
            }
            sleep(250);
        }
        throw new AssertionError("processors did not resume: " + list);
    }
}
