package dev.dxcp.saga.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.saga.spinnaker.failure.ExecutionStatusMapper;
import dev.dxcp.saga.spinnaker.transport.Backoff;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import dev.dxcp.saga.spinnaker.transport.GateAuth;
import dev.dxcp.saga.spinnaker.transport.GateCall;
import dev.dxcp.saga.spinnaker.transport.GateCallObserver;
import dev.dxcp.saga.spinnaker.transport.GateErrorMapper;
import dev.dxcp.saga.spinnaker.transport.GateResponse;
import dev.dxcp.saga.spinnaker.transport.GateSettings;
import dev.dxcp.saga.spinnaker.transport.GateTransport;
import dev.dxcp.saga.spinnaker.transport.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link GateClient} over Gate's HTTP API with the JDK client; the only class that builds Gate's JSON. */
public final class HttpGateClient implements GateClient {
    /** The trigger key that tags an execution with the DXCP deployment it runs. */
    static final String DEPLOYMENT_TRIGGER_KEY = "dxcpDeploymentId";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_HEADER = "X-Spinnaker-User";
    private static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final GateSettings settings;
    private final GateTransport transport;
    private final GateErrorMapper errors;

    public HttpGateClient(GateSettings settings) {
        this(settings, GateCallObserver.NONE);
    }

    /** @param observer told about every call's operation, outcome and latency (metrics) */
    public HttpGateClient(GateSettings settings, GateCallObserver observer) {
        this(settings, GateAuth.from(settings, Clock.systemUTC()), observer);
    }

    private HttpGateClient(GateSettings settings, GateAuth auth, GateCallObserver observer) {
        this.settings = settings;
        this.transport = new GateTransport(settings, GateTransport.httpClient(settings, auth), auth,
                new Backoff(settings.retry()), Sleeper.REAL, observer);
        this.errors = transport.errors();
    }

    HttpGateClient(GateSettings settings, GateAuth auth, Sleeper sleeper) {
        this(settings, auth, GateTransport.httpClient(settings, auth), sleeper);
    }

    HttpGateClient(GateSettings settings, GateAuth auth, HttpClient http, Sleeper sleeper) {
        this.settings = settings;
        this.transport = new GateTransport(settings, http, auth, new Backoff(settings.retry()), sleeper);
        this.errors = transport.errors();
    }

    @Override
    public TriggerResult trigger(String application, String pipeline, TriggerRequest request) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "manual");
        body.put("user", request.principal());
        ObjectNode parameters = body.putObject("parameters");
        request.parameters().forEach(parameters::put);
        body.put("idempotencyKey", request.idempotencyKey());
        if (request.deploymentId() != null) {
            body.put(DEPLOYMENT_TRIGGER_KEY, request.deploymentId());
        }

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER_HEADER, request.principal());
        headers.put(REQUEST_ID_HEADER, request.requestId());
        GateCall call = new GateCall("POST", GatePaths.trigger(application, pipeline), body.toString(), headers, false);
        GateResponse response = transport.send(call);
        if (!response.successful()) {
            throw errors.fromResponse(call, response);
        }
        JsonNode answer = parse(call, response);
        String id = ExecutionIdExtractor.executionId(answer)
                .orElseThrow(() -> errors.unusable(call, response, "without an execution id"));
        return new TriggerResult(id, executionUrl(id), response.upstreamRequestId());
    }

    @Override
    public ExecutionSnapshot getExecution(String executionId) {
        GateCall call = get(GatePaths.execution(executionId));
        GateResponse response = transport.send(call);
        if (response.status() == 404) {
            return new ExecutionSnapshot.NotFound(executionId);
        }
        if (!response.successful()) {
            throw errors.fromResponse(call, response);
        }
        if (response.bodyBlank()) {
            // spinnaker-gate §2.3: Gate turns Orca's non-404 errors (e.g. a READ denial) into an empty 200.
            throw errors.unusable(call, response, "with an empty body (read access denied or engine error)");
        }
        JsonNode execution = parse(call, response);
        if (!execution.isObject()) {
            throw errors.unusable(call, response, "not with an execution document");
        }
        return new ExecutionSnapshot.Found(executionId, ExecutionStatusMapper.map(execution),
                ExecutionStatusMapper.rawStatus(execution), execution);
    }

    @Override
    public void cancel(String executionId, String reason) {
        cancel(executionId, reason, null);
    }

    @Override
    public void cancel(String executionId, String reason, String principal) {
        Map<String, String> headers = userHeader(principal);
        // Cancel is idempotent (cancelling twice, or a finished run, still answers 200): safe to retry.
        GateCall call = new GateCall("PUT", GatePaths.cancel(executionId, reason), null, headers, true);
        GateResponse response = transport.send(call);
        if (!response.successful()) {
            throw errors.fromResponse(call, response);
        }
    }

    @Override
    public Optional<String> findExecutionByIdempotencyKey(String application, String pipelineName,
                                                          String idempotencyKey) {
        return findExecutionByTriggerField(application, pipelineName, "idempotencyKey", idempotencyKey);
    }

    @Override
    public String executionUrl(String executionId) {
        return settings.baseUrl() + GatePaths.execution(executionId);
    }

    @Override
    public Optional<String> findExecutionForDeployment(String application, String pipelineName, String deploymentId) {
        return findExecutionByTriggerField(application, pipelineName, DEPLOYMENT_TRIGGER_KEY, deploymentId);
    }

    private Optional<String> findExecutionByTriggerField(String application, String pipelineName, String field,
                                                         String value) {
        ObjectNode subset = JSON.createObjectNode().put(field, value);
        GateCall call = get(GatePaths.searchByIdempotencyKey(application, pipelineName, subset.toString()));
        JsonNode executions = successfulList(call);
        // Newest first. The value is checked again here, not trusted to the engine's filter.
        for (JsonNode execution : executions) {
            if (value.equals(execution.path("trigger").path(field).asText(null))) {
                String id = execution.path("id").asText("");
                if (!id.isBlank()) {
                    return Optional.of(id);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> applications(String tagName, String tagValue) {
        GateCall call = get(GatePaths.applications());
        JsonNode list = successfulList(call);
        ApplicationTagFilter filter = new ApplicationTagFilter(tagName, tagValue);
        List<String> names = new ArrayList<>();
        for (JsonNode application : list) {
            String name = application.path("name").asText("");
            if (!name.isBlank() && filter.matches(application)) {
                names.add(name);
            }
        }
        return names;
    }

    @Override
    public List<PipelineRef> pipelines(String application) {
        GateCall call = get(GatePaths.pipelineConfigs(application));
        List<PipelineRef> pipelines = new ArrayList<>();
        for (JsonNode config : successfulList(call)) {
            String name = config.path("name").asText("");
            if (!name.isBlank()) {
                pipelines.add(new PipelineRef(config.path("id").asText(null), name));
            }
        }
        return pipelines;
    }

    @Override
    public HealthStatus health() {
        GateCall call = get(GatePaths.health());
        try {
            GateResponse response = transport.send(call);
            if (response.successful()) {
                return HealthStatus.up(response.status());
            }
            return HealthStatus.down(errors.fromResponse(call, response));
        } catch (EngineCallException e) {
            return HealthStatus.down(e);
        }
    }

    private GateCall get(String path) {
        return new GateCall("GET", path, null, userHeader(null), true);
    }

    /** Polls and discovery act as DXCP itself; mTLS makes this header mandatory (§16), so it is always set. */
    private Map<String, String> userHeader(String principal) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(USER_HEADER, principal != null && !principal.isBlank() ? principal : settings.serviceUser());
        return headers;
    }

    private JsonNode successfulList(GateCall call) {
        GateResponse response = transport.send(call);
        if (!response.successful()) {
            throw errors.fromResponse(call, response);
        }
        JsonNode json = parse(call, response);
        if (!json.isArray()) {
            throw errors.unusable(call, response, "not with a list");
        }
        return json;
    }

    private JsonNode parse(GateCall call, GateResponse response) {
        if (response.bodyBlank()) {
            throw errors.unusable(call, response, "with an empty body");
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw errors.unusable(call, response, "with malformed JSON");
        }
    }
}
