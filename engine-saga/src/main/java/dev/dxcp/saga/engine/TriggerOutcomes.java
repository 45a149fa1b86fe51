package dev.dxcp.saga.engine;

import dev.dxcp.events.common.ErrorCode;
import dev.dxcp.events.common.Rejection;
import dev.dxcp.events.deployment.DeploymentEvents.EngineExecutionStarted;
import dev.dxcp.events.deployment.DeploymentEvents.EngineTriggerRefused;
import dev.dxcp.events.engine.EngineMessages.AwaitTrigger;
import dev.dxcp.events.engine.EngineMessages.TriggerAwaited;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The synchronous part of a deploy or rollback (issue-level setting DXCP_TRIGGER_WAIT): after the
 * record is accepted, wait a bounded time on the deployment's own event stream for the engine's
 * answer. A refusal answers with the engine's code; a started execution or a wait that runs out
 * answers 201 with the record IN_PROGRESS (docs/DECISIONS.md).
 */
public class TriggerOutcomes {
    private final EventStore eventStore;
    private final Duration wait;
    private final ReadModelWait readYourWrites;

    public TriggerOutcomes(EventStore eventStore, Duration wait, ReadModelWait readYourWrites) {
        this.eventStore = eventStore;
        this.wait = wait;
        this.readYourWrites = readYourWrites;
    }

    /** @throws Rejection with the engine's code when the engine refused within the wait */
    @QueryHandler
    public TriggerAwaited handle(AwaitTrigger query) {
        awaitTrigger(query.deploymentId());
        return new TriggerAwaited(query.deploymentId());
    }

    /** @throws Rejection with the engine's code when the engine refused within the wait */
    public void awaitTrigger(String deploymentId) {
        long deadline = System.nanoTime() + wait.toNanos();
        long seen = -1;
        long pause = 2_000_000;
        while (System.nanoTime() < deadline) {
            DomainEventStream events = eventStore.readEvents(deploymentId, seen + 1);
            while (events.hasNext()) {
                var event = events.next();
                seen = event.getSequenceNumber();
                Object payload = event.getPayload();
                if (payload instanceof EngineExecutionStarted) {
                    readModelsCaughtUp(event.getIdentifier(), events);
                    return;
                }
                if (payload instanceof EngineTriggerRefused refused) {
                    readModelsCaughtUp(event.getIdentifier(), events);
                    throw new Rejection(ErrorCode.of(refused.code(), refused.httpStatus()), refused.message(),
                            refused.operatorHint(), refused.details());
                }
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 50_000_000);
        }
    }

    /**
     * The engine's answer was appended by the saga, not by this request, so this request's own read-your-writes
     * wait did not cover it: wait for the read models to hold it (and the FAILED that comes with a refusal)
     * before answering, so the caller reads the record as the answer describes it.
     */
    private void readModelsCaughtUp(String answerIdentifier, DomainEventStream rest) {
        List<String> identifiers = new ArrayList<>(List.of(answerIdentifier));
        rest.forEachRemaining(event -> identifiers.add(event.getIdentifier()));
        readYourWrites.await(identifiers, null);
    }
}
