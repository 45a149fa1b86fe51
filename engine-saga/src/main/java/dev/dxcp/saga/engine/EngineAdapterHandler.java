package dev.dxcp.saga.engine;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.engine.EngineMessages.ApplyEngineAdapterChange;
import dev.dxcp.events.engine.EngineMessages.EngineAdapterProblems;
import dev.dxcp.events.engine.EngineMessages.EngineAdapterValidation;
import dev.dxcp.events.engine.EngineMessages.EngineHealth;
import dev.dxcp.events.engine.EngineMessages.EngineHealthOf;
import dev.dxcp.events.engine.EngineMessages.EnginePipeline;
import dev.dxcp.events.engine.EngineMessages.ListEngineApplications;
import dev.dxcp.events.engine.EngineMessages.ListEnginePipelines;
import dev.dxcp.events.engine.EngineMessages.StoreEngineSecrets;
import dev.dxcp.events.engine.EngineMessages.ValidateEngineAdapter;
import dev.dxcp.events.settings.EffectiveSettings.Sourced;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.events.settings.SettingProblem;
import dev.dxcp.saga.spinnaker.GateClient;
import dev.dxcp.saga.spinnaker.HealthStatus;
import dev.dxcp.saga.spinnaker.transport.EngineCallException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine adapter's answers to the edge (api-contract §11 engine-adapters/main, §13 engine discovery):
 * health, applications and pipelines of the engine in force; whether proposed settings would work; and
 * the secrets of a change, stored before it and forgotten after it.
 */
public class EngineAdapterHandler {
    /** Longer than any command takes: a racing write's secret is never deleted before its event commits. */
    private static final Duration SECRET_GRACE = Duration.ofMinutes(10);

    private final EngineConnection engine;
    private final EngineAdapterCheck check;
    private final EngineSecrets secrets;
    private final Supplier<Sourced<EngineAdapterSettings>> settings;

    public EngineAdapterHandler(EngineConnection engine, EngineAdapterCheck check, EngineSecrets secrets,
                                Supplier<Sourced<EngineAdapterSettings>> settings) {
        this.engine = engine;
        this.check = check;
        this.secrets = secrets;
        this.settings = settings;
    }

    /** Never refused for engine trouble: it reports DOWN and why. */
    @QueryHandler
    public EngineHealth handle(EngineHealthOf query) {
        GateClient client = engine.client();
        if (client == null) {
            return new EngineHealth(false, "No engine is configured");
        }
        HealthStatus health = client.health();
        if (health.up()) {
            return new EngineHealth(true, null);
        }
        return new EngineHealth(false, health.failure() == null ? "Engine health check failed"
                : "Engine health check failed: " + health.failure().name());
    }

    @QueryHandler
    public List<String> handle(ListEngineApplications query) {
        return call("Unable to retrieve applications", query.admin(),
                () -> live().applications(query.tagName(), query.tagValue()));
    }

    @QueryHandler
    public List<EnginePipeline> handle(ListEnginePipelines query) {
        return call("Unable to retrieve pipelines", query.admin(), () -> live().pipelines(query.application())
                .stream().map(p -> new EnginePipeline(p.id(), p.name())).toList());
    }

    /** No proposal: the settings in force. A proposal: secrets left out are taken from those in force. */
    @QueryHandler
    public EngineAdapterValidation handle(ValidateEngineAdapter query) {
        EngineAdapterSettings current = settings.get().value();
        EngineAdapterSettings candidate = query.proposal() == null ? current : query.proposal().applyTo(current);
        return check.validate(candidate, new UnsavedSecrets(query.sentSecrets(), secrets), query.bodyProblems(),
                query.ignored());
    }

    @QueryHandler
    public List<SettingProblem> handle(EngineAdapterProblems query) {
        EngineAdapterSettings candidate = query.proposal().applyTo(settings.get().value());
        return check.problems(candidate, new UnsavedSecrets(query.sentSecrets(), secrets));
    }

    /** The event of the change names only these references (the values never enter the event store). */
    @CommandHandler
    public Map<Secret, String> handle(StoreEngineSecrets command) {
        Map<Secret, String> refs = new EnumMap<>(Secret.class);
        command.values().forEach((secret, value) -> refs.put(secret, secrets.store(value)));
        return refs;
    }

    /** A rotated-out secret leaves the database; this instance switches now, the others at their next call. */
    @CommandHandler
    public void handle(ApplyEngineAdapterChange command) {
        EngineAdapterSettings saved = settings.get().value();
        secrets.forgetAllBut(Arrays.stream(Secret.values()).map(saved::secretRef).toList(), SECRET_GRACE);
        engine.client();
    }

    private GateClient live() {
        GateClient client = engine.client();
        if (client == null) {
            throw new Rejection(ErrorCode.ENGINE_UNAVAILABLE, "The delivery engine is not configured");
        }
        return client;
    }

    private static <T> T call(String message, boolean admin, Supplier<T> request) {
        try {
            return request.get();
        } catch (EngineCallException e) {
            throw new Rejection(e.code().errorCode(), message, e.operatorHint(), e.details(admin));
        }
    }
}
