package dev.dxcp.gatesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.gatesim.control.Endpoint;
import dev.dxcp.gatesim.control.Judgment;
import dev.dxcp.gatesim.control.OutcomeRules;
import dev.dxcp.gatesim.front50.Front50;
import dev.dxcp.gatesim.front50.PipelineConfig;
import dev.dxcp.gatesim.json.Json;
import dev.dxcp.gatesim.orca.ExecutionEngine;
import dev.dxcp.gatesim.orca.ExecutionSearch;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/** Gate's controllers for the endpoints DXCP uses (spec §2), answering with Gate's shapes and texts. */
final class GateApi {

    /** Where Gate's wrapped downstream errors say the calls went; internal service addresses. */
    private static final String FRONT50 = "http://front50:8080";
    private static final String ORCA = "http://orca:8083";

    private final Front50 front50;
    private final ExecutionEngine engine;
    private final OutcomeRules outcomes;
    private final Fiat fiat;
    private final Clock clock;
    private final AtomicBoolean healthDown;
    private final Duration unknownCancelDelay;

    GateApi(Front50 front50, ExecutionEngine engine, OutcomeRules outcomes, Fiat fiat, Clock clock,
            AtomicBoolean healthDown, Duration unknownCancelDelay) {
        this.front50 = front50;
        this.engine = engine;
        this.outcomes = outcomes;
        this.fiat = fiat;
        this.clock = clock;
        this.healthDown = healthDown;
        this.unknownCancelDelay = unknownCancelDelay;
    }

    Router routes() {
        return new Router()
                .add("POST", "/pipelines/{application}/{pipelineNameOrId}", Endpoint.TRIGGER, this::trigger)
                // Deprecated alias of the v1 trigger that still exists in Gate.
                .add("POST", "/applications/{application}/pipelineConfigs/{pipelineNameOrId}", Endpoint.TRIGGER, this::trigger)
                .add("GET", "/pipelines/{id}", Endpoint.GET_EXECUTION, this::execution)
                .add("PUT", "/pipelines/{id}/cancel", Endpoint.CANCEL_EXECUTION, this::cancel)
                .add("PUT", "/applications/{application}/pipelines/{id}/cancel", Endpoint.CANCEL_EXECUTION, this::cancel)
                .add("PATCH", "/pipelines/{id}/stages/{stageId}", Endpoint.UPDATE_STAGE, this::updateStage)
                .add("GET", "/applications", Endpoint.LIST_APPLICATIONS, this::applications)
                .add("GET", "/applications/{application}", Endpoint.GET_APPLICATION, this::application)
                .add("GET", "/applications/{application}/pipelineConfigs", Endpoint.LIST_PIPELINE_CONFIGS, this::pipelineConfigs)
                .add("GET", "/applications/{application}/pipelineConfigs/{pipelineName}", Endpoint.GET_PIPELINE_CONFIG,
                        this::pipelineConfig)
                .add("GET", "/applications/{application}/executions/search", Endpoint.SEARCH_EXECUTIONS, this::search)
                .add("GET", "/health", Endpoint.HEALTH, this::health)
                .add("GET", "/auth/user", Endpoint.AUTH_USER, this::user);
    }

    /** Spec §2.2: lookup by name then id, Gate's required-parameter rule, then Orca. */
    private GateResponse trigger(HttpCall call) {
        String application = call.pathVariable("application");
        String pipelineNameOrId = call.pathVariable("pipelineNameOrId");
        JsonNode body = call.jsonBody();
        if (!body.isObject()) {
            throw new GateError(400, GateError.UNREADABLE_BODY, "JSON parse error: the trigger must be a JSON object");
        }
        engine.triggerLog().record(body);
        String prefix = "Unable to trigger pipeline (application: " + application + ", pipelineNameOrId: "
                + pipelineNameOrId + "). Error: ";
        if (!fiat.canRead(call.caller, front50.application(application))) {
            throw new GateError(403, GateError.PIPELINE_EXCEPTION, prefix + "Status: 403, Method: GET, URL: " + FRONT50
                    + "/pipelines/" + application + "?refresh=true, Message: Access is denied");
        }
        PipelineConfig config = front50.forTrigger(application, pipelineNameOrId)
                .orElseThrow(() -> new GateError(404, GateError.PIPELINE_EXCEPTION, prefix
                        + "Pipeline configuration not found (id: " + pipelineNameOrId + "): Status: 404, Method: GET, URL: "
                        + FRONT50 + "/pipelines/" + pipelineNameOrId + "/get, Message: Not Found"));
        config.firstMissingRequiredParameter(body.get("parameters")).ifPresent(missing -> {
            throw GateError.badRequest("Required parameter " + missing + " is missing");
        });
        ExecutionEngine.TriggerResult result = engine.trigger(config, body, call.caller, outcomes);
        if (result.failedOnStartup()) {
            throw new GateError(400, GateError.PIPELINE_EXCEPTION, prefix + "Status: 400, Method: POST, URL: " + ORCA
                    + "/orchestrate?user=" + call.caller + ", Message: " + result.startupFailure());
        }
        ObjectNode ref = Json.object();
        ref.put("ref", "/pipelines/" + result.executionId());
        return GateResponse.json(202, ref);
    }

    private GateResponse execution(HttpCall call) {
        String id = call.pathVariable("id");
        ObjectNode execution = engine.execution(id)
                .orElseThrow(() -> GateError.notFound("Pipeline not found (id: " + id + ")"));
        if (!fiat.canRead(call.caller, front50.application(execution.path("application").asText()))) {
            // Gate swallows Orca's 403 on this call and answers 200 with no body (spec §2.3).
            return GateResponse.empty(200);
        }
        return GateResponse.json(200, execution);
    }

    /** Spec §2.4: 200 with an empty body; unknown ids get a slow 404. */
    private GateResponse cancel(HttpCall call) {
        String id = call.pathVariable("id");
        Optional<ObjectNode> execution = engine.execution(id);
        if (execution.isEmpty()) {
            pause(unknownCancelDelay);
            throw GateError.notFound("Pipeline not found (id: " + id + ")");
        }
        if (!fiat.canExecute(call.caller, front50.application(execution.get().path("application").asText()))) {
            throw GateError.accessDenied();
        }
        engine.cancel(id, call.caller, call.query("reason"));
        return GateResponse.empty(200);
    }

    /** Gate's stage update, used by Deck for manual judgments: body {"judgmentStatus": "continue"|"stop"}. */
    private GateResponse updateStage(HttpCall call) {
        String id = call.pathVariable("id");
        String judgmentStatus = Json.text(call.jsonBody(), "judgmentStatus");
        if (judgmentStatus == null) {
            throw GateError.badRequest("Only manual judgment updates (judgmentStatus) are supported");
        }
        try {
            engine.judge(id, call.pathVariable("stageId"), Judgment.parse(judgmentStatus),
                    call.caller == null ? Authenticator.ANONYMOUS : call.caller);
        } catch (NoSuchElementException e) {
            throw GateError.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw GateError.badRequest(e.getMessage());
        }
        return GateResponse.json(200, engine.execution(id).orElseThrow());
    }

    /** Spec §2.5: flat objects; only account and owner filter; unreadable apps silently left out. */
    private GateResponse applications(HttpCall call) {
        String account = call.query("account");
        String owner = call.query("owner");
        ArrayNode list = Json.array();
        for (ObjectNode application : front50.applications()) {
            if (account != null && !commaList(application, "accounts").contains(account)) {
                continue;
            }
            if (owner != null && !owner.equalsIgnoreCase(Json.text(application, "email"))) {
                continue;
            }
            if (fiat.canRead(call.caller, Optional.of(application))) {
                list.add(application);
            }
        }
        return GateResponse.json(200, list);
    }

    private static Set<String> commaList(JsonNode node, String field) {
        String text = Json.text(node, field);
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        }
        return values;
    }

    /** The single-application shape differs from the list: name, attributes, clusters. */
    private GateResponse application(HttpCall call) {
        String name = call.pathVariable("application");
        ObjectNode attributes = front50.application(name)
                .filter(app -> fiat.canRead(call.caller, Optional.of(app)))
                .orElseThrow(() -> GateError.notFound("Application not found (id: " + name + ")"));
        ObjectNode application = Json.object();
        application.put("name", attributes.path("name").asText());
        application.set("attributes", attributes);
        application.putObject("clusters");
        return GateResponse.json(200, application);
    }

    private GateResponse pipelineConfigs(HttpCall call) {
        String application = call.pathVariable("application");
        if (!fiat.canRead(call.caller, front50.application(application))) {
            throw GateError.accessDenied();
        }
        String filter = call.query("pipelineNameFilter");
        ArrayNode list = Json.array();
        front50.pipelineConfigs(application).stream()
                .filter(config -> filter == null || Json.text(config, "name").toLowerCase(Locale.ROOT)
                        .contains(filter.toLowerCase(Locale.ROOT)))
                .forEach(list::add);
        return GateResponse.json(200, list);
    }

    private GateResponse pipelineConfig(HttpCall call) {
        String application = call.pathVariable("application");
        String name = call.pathVariable("pipelineName");
        if (!fiat.canRead(call.caller, front50.application(application))) {
            throw GateError.accessDenied();
        }
        return front50.pipelineConfigs(application).stream()
                .filter(config -> name.equals(Json.text(config, "name")))
                .findFirst()
                .map(config -> GateResponse.json(200, config))
                .orElseThrow(() -> GateError.notFound(
                        "Pipeline config (id: " + name + ") not found for Application (id: " + application + ")"));
    }

    /** Executions by trigger contents, newest first; the recovery aid for lost trigger responses. */
    private GateResponse search(HttpCall call) {
        ExecutionSearch search = new ExecutionSearch(
                call.query("pipelineName"),
                decodeTrigger(call.query("trigger")),
                csv(call.query("statuses"), true),
                csv(call.query("triggerTypes"), false),
                call.query("eventId"),
                longOrNull(call.query("triggerTimeStartBoundary")),
                longOrNull(call.query("triggerTimeEndBoundary")),
                intOr(call.query("startIndex"), 0),
                intOr(call.query("size"), 10),
                Boolean.parseBoolean(call.query("reverse")),
                Boolean.parseBoolean(call.query("expand")));
        ArrayNode list = Json.array();
        engine.search(call.pathVariable("application"), search).forEach(list::add);
        return GateResponse.json(200, list);
    }

    private static JsonNode decodeTrigger(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException standardFailed) {
            try {
                decoded = Base64.getUrlDecoder().decode(encoded.trim());
            } catch (IllegalArgumentException e) {
                throw GateError.badRequest("Failed to decode the trigger parameter: not base64");
            }
        }
        try {
            return Json.parse(decoded);
        } catch (IllegalArgumentException e) {
            throw GateError.badRequest("Failed to parse the trigger parameter: not a JSON object");
        }
    }

    private static Set<String> csv(String text, boolean upperCase) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Set<String> values = new LinkedHashSet<>();
        for (String value : text.split(",")) {
            if (!value.isBlank()) {
                values.add(upperCase ? value.trim().toUpperCase(Locale.ROOT) : value.trim());
            }
        }
        return values;
    }

    private static Long longOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw GateError.badRequest("Not a number: " + text);
        }
    }

    private static int intOr(String text, int fallback) {
        Long value = longOrNull(text);
        return value == null ? fallback : value.intValue();
    }

    private GateResponse health(HttpCall call) {
        ObjectNode body = Json.object();
        body.put("status", healthDown.get() ? "DOWN" : "UP");
        return GateResponse.json(healthDown.get() ? 503 : 200, body);
    }

    /** Never requires login; without a principal Gate answers 200 with no body. */
    private GateResponse user(HttpCall call) {
        if (call.caller == null) {
            return GateResponse.empty(200);
        }
        ObjectNode user = Json.object();
        user.put("email", call.caller);
        user.put("username", call.caller);
        user.putArray("roles");
        user.putArray("allowedAccounts");
        user.putArray("authorities");
        user.put("enabled", true);
        user.put("accountNonExpired", true);
        user.put("accountNonLocked", true);
        user.put("credentialsNonExpired", true);
        return GateResponse.json(200, user);
    }

    private static void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
