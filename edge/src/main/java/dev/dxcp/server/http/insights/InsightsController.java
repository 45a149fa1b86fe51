package dev.dxcp.server.http.insights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.common.Timestamps;
import dev.dxcp.events.insights.InsightsQueries.GovernanceInsights;
import dev.dxcp.events.insights.InsightsQueries.GovernanceInsightsOf;
import dev.dxcp.events.insights.InsightsQueries.DoraMeasures;
import dev.dxcp.events.insights.InsightsQueries.DoraMetrics;
import dev.dxcp.events.insights.InsightsQueries.DoraMetricsOf;
import dev.dxcp.events.insights.InsightsQueries.FailureInsights;
import dev.dxcp.events.insights.InsightsQueries.FailureInsightsOf;
import dev.dxcp.events.insights.InsightsQueries.KeyCount;
import dev.dxcp.events.registry.RegistryQueries.FindService;
import dev.dxcp.events.registry.ServiceEntry;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.identity.Authenticator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Delivery insights, readable by every role: failure insights exactly as api-contract §12 / domain §10,
 * and DORA measures (docs/INSIGHTS.md). Read models only; the engine is never asked.
 */
@RestController
public class InsightsController {
    private static final Set<String> GROUP_BY = Set.of("service", "group", "environment");

    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final Questions questions;
    private final ObjectMapper json;
    private final Clock clock;

    public InsightsController(Authenticator authenticator, RateLimiter rateLimiter, Questions questions,
                              ObjectMapper json, Clock clock) {
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.questions = questions;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/insights/failures")
    public ObjectNode failures(ServerWebExchange exchange, @RequestParam(required = false) String windowDays,
                               @RequestParam(required = false) String groupId,
                               @RequestParam(required = false) String service) {
        read(exchange, service);
        int days = windowDays(windowDays, 7, 30);
        Instant end = clock.instant();
        Instant start = end.minus(Duration.ofDays(days));
        FailureInsights insights = questions.ask(new FailureInsightsOf(start, end, blankToNull(groupId),
                blankToNull(service)), FailureInsights.class);
        ObjectNode body = window(days, start, end);
        body.put("totalDeployments", insights.totalDeployments());
        body.put("totalRollbacks", insights.totalRollbacks());
        body.put("rollbackRate", insights.rollbackRate());
        body.set("failuresByCategory", keyCounts(insights.failuresByCategory()));
        body.set("deploymentsByRecipe", keyCounts(insights.deploymentsByRecipe()));
        body.set("deploymentsByGroup", keyCounts(insights.deploymentsByGroup()));
        return body;
    }

    @GetMapping("/v1/insights/dora")
    public ObjectNode dora(ServerWebExchange exchange, @RequestParam(required = false) String windowDays,
                           @RequestParam(required = false) String service,
                           @RequestParam(required = false) String groupId,
                           @RequestParam(required = false) String environment,
                           @RequestParam(required = false) String groupBy) {
        read(exchange, service);
        int days = windowDays(windowDays, 30, 90);
        if (groupBy != null && !groupBy.isEmpty() && !GROUP_BY.contains(groupBy)) {
            throw new Rejection(ErrorCode.INVALID_REQUEST, "groupBy must be service, group or environment");
        }
        Instant end = clock.instant();
        Instant start = end.minus(Duration.ofDays(days));
        DoraMetrics metrics = questions.ask(new DoraMetricsOf(start, end, blankToNull(service), blankToNull(groupId),
                blankToNull(environment), blankToNull(groupBy)), DoraMetrics.class);
        ObjectNode body = window(days, start, end);
        body.put("service", blankToNull(service));
        body.put("groupId", blankToNull(groupId));
        body.put("environment", blankToNull(environment));
        measures(body, metrics.overall());
        governance(body.putObject("changeGovernance"), questions.ask(new GovernanceInsightsOf(start, end,
                blankToNull(service), blankToNull(groupId), blankToNull(environment)), GovernanceInsights.class));
        if (metrics.breakdown() != null) {
            body.put("groupBy", groupBy);
            ArrayNode breakdown = body.putArray("breakdown");
            metrics.breakdown().forEach(b -> measures(breakdown.addObject().put("key", b.key()), b.measures()));
        }
        return body;
    }

    private void read(ServerWebExchange exchange, String service) {
        rateLimiter.check(authenticator.authenticate(exchange), RateLimiter.Kind.READ);
        if (service != null && !service.isEmpty()
                && questions.askOptional(new FindService(service), ServiceEntry.class).isEmpty()) {
            throw new Rejection(ErrorCode.SERVICE_NOT_ALLOWLISTED, "Service is not allowlisted");
        }
    }

    /** An integer within bounds; anything else is 400 INVALID_REQUEST (api-contract §12). */
    private static int windowDays(String raw, int defaultDays, int max) {
        if (raw == null) {
            return defaultDays;
        }
        try {
            int days = Integer.parseInt(raw.trim());
            if (days >= 1 && days <= max) {
                return days;
            }
        } catch (NumberFormatException e) {
            // falls through to the rejection
        }
        throw new Rejection(ErrorCode.INVALID_REQUEST, "windowDays must be an integer between 1 and " + max);
    }

    private ObjectNode window(int days, Instant start, Instant end) {
        ObjectNode body = json.createObjectNode();
        body.put("windowDays", days);
        body.put("windowStart", Timestamps.format(start));
        body.put("windowEnd", Timestamps.format(end));
        return body;
    }

    private ArrayNode keyCounts(List<KeyCount> counts) {
        ArrayNode array = json.createArrayNode();
        counts.forEach(c -> array.addObject().put("key", c.key()).put("count", c.count()));
        return array;
    }

    private void measures(ObjectNode node, DoraMeasures m) {
        node.putObject("deploymentFrequency").put("successfulDeployments", m.successfulDeployments())
                .put("perDay", m.deploymentsPerDay());
        node.putObject("leadTimeForChanges").put("samples", m.leadTimeSamples())
                .put("p50Seconds", m.leadTimeP50Seconds()).put("meanSeconds", m.leadTimeMeanSeconds());
        node.putObject("changeFailureRate").put("failedChanges", m.failedChanges())
                .put("finishedChanges", m.finishedChanges()).put("rate", m.changeFailureRate());
        node.putObject("timeToRestore").put("incidents", m.incidents()).put("restored", m.restoredIncidents())
                .put("p50Seconds", m.timeToRestoreP50Seconds()).put("meanSeconds", m.timeToRestoreMeanSeconds());
    }

    /** docs/GOVERNANCE.md: automatic rollbacks and the time deployments waited for approval. */
    private static void governance(ObjectNode node, GovernanceInsights g) {
        node.put("automaticRollbacks", g.automaticRollbacks());
        node.put("automaticRollbacksRefused", g.automaticRollbacksRefused());
        node.putObject("approvalWait").put("samples", g.approvalWaitSamples())
                .put("p50Seconds", g.approvalWaitP50Seconds()).put("meanSeconds", g.approvalWaitMeanSeconds());
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
