package dev.dxcp.gatesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chooses the {@link Outcome} of each new execution. Most specific first: outcomes queued for the
 * next N triggers, then a matching parameter value (e.g. {@code version == "9.9.9-fail"}), then
 * the pipeline name, then the default (success). Thread-safe.
 */
public final class OutcomeRules {

    private record Queued(Outcome outcome, int remaining) {
    }

    private record ParameterValue(String name, String value) {
    }

    private final Deque<Queued> nextTriggers = new ArrayDeque<>();
    private final Map<ParameterValue, Outcome> byParameter = new LinkedHashMap<>();
    private final Map<String, Outcome> byPipeline = new LinkedHashMap<>();
    private Outcome fallback = Outcome.succeed();

    /** Every execution of the pipeline with this name (in any application) gets {@code outcome}. */
    public synchronized OutcomeRules forPipeline(String pipelineName, Outcome outcome) {
        byPipeline.put(pipelineName, outcome);
        return this;
    }

    /** Every execution whose trigger parameter {@code name} equals {@code value} gets {@code outcome}. */
    public synchronized OutcomeRules forParameter(String name, String value, Outcome outcome) {
        byParameter.put(new ParameterValue(name, value), outcome);
        return this;
    }

    /** The next {@code count} executions get {@code outcome}, whatever their pipeline. */
    public synchronized OutcomeRules nextTriggers(int count, Outcome outcome) {
        if (count <= 0) {
            throw new IllegalArgumentException("count must be positive, got " + count);
        }
        nextTriggers.addLast(new Queued(outcome, count));
        return this;
    }

    /** The outcome of executions no rule matches. */
    public synchronized OutcomeRules byDefault(Outcome outcome) {
        fallback = outcome;
        return this;
    }

    public synchronized void clear() {
        nextTriggers.clear();
        byParameter.clear();
        byPipeline.clear();
        fallback = Outcome.succeed();
    }

    /** Picks the outcome of a new execution, using up one "next trigger" if that is what matched. */
    public synchronized Outcome select(String pipelineName, JsonNode parameters) {
        Queued queued = nextTriggers.pollFirst();
        if (queued != null) {
            if (queued.remaining() > 1) {
                nextTriggers.addFirst(new Queued(queued.outcome(), queued.remaining() - 1));
            }
            return queued.outcome();
        }
        for (Map.Entry<ParameterValue, Outcome> rule : byParameter.entrySet()) {
            JsonNode value = parameters == null ? null : parameters.get(rule.getKey().name());
            if (value != null && !value.isNull() && value.asText().equals(rule.getKey().value())) {
                return rule.getValue();
            }
        }
        return byPipeline.getOrDefault(pipelineName, fallback);
    }
}
