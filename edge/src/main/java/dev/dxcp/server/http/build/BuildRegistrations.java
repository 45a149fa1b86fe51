package dev.dxcp.server.http.build;

import dev.dxcp.events.build.ArtifactIntegrity;
import dev.dxcp.events.build.BuildMessages.RegisterBuild;
import dev.dxcp.events.engine.EngineMessages.MeasureArtifact;
import dev.dxcp.events.idempotency.AdmissionOutcome;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.http.Questions;
import org.axonframework.messaging.MetaData;

/**
 * POST /v1/builds/register measures the artifact outside any transaction (streaming a sha256 must not hold
 * aggregates or a connection): the first decision answers NEEDS_MEASUREMENT when every check before the
 * artifact verification passed, and the same command goes again with the measured facts. POST /v1/builds
 * brings its integrity with it and is decided once.
 */
public class BuildRegistrations {
    private final CommandSender commands;
    private final Questions questions;

    public BuildRegistrations(CommandSender commands, Questions questions) {
        this.commands = commands;
        this.questions = questions;
    }

    public AdmissionOutcome register(RegisterBuild command, MetaData audit) {
        AdmissionOutcome outcome = commands.send(command, audit);
        if (outcome.kind() != AdmissionOutcome.Kind.NEEDS_MEASUREMENT || command.uploaded()) {
            return outcome;
        }
        ArtifactIntegrity measured = questions.ask(new MeasureArtifact(outcome.toMeasure()), ArtifactIntegrity.class);
        return commands.send(new RegisterBuild(command.idempotency(), command.fingerprint(), command.request(),
                command.ciPublisher(), command.buildId(), command.quotaActor(), command.dailyQuota(), measured,
                false, command.requestedAt()), audit);
    }
}
