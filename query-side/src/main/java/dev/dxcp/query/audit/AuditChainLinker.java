package dev.dxcp.query.audit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Links every stored event into the tamper-evidence chain the first time the live {@code audit} processor
 * reaches it (docs/AUDIT.md), in the same transaction as that processor's entries. It is a handler of its
 * own, not part of {@link AuditProjection}, because a rebuild replays AuditProjection alone: the chain
 * records what each row was when first seen, and nothing that re-reads the rows later may add to it.
 */
@ProcessingGroup(AuditProjection.NAME)
public class AuditChainLinker {
    private final AuditChain chain;
    private final Clock clock;

    public AuditChainLinker(AuditChain chain, Clock clock) {
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Every event: the chain covers the whole store, including events that yield no audit entry. Not on a
     * replay (an Axon reset of the processor) either: a replayed event was linked when first processed, and
     * linking "new" rows found behind the processor's position would bless rows inserted by hand.
     */
    @EventHandler
    @DisallowReplay
    void on(Object payload, EventMessage<?> message) {
        if (!CurrentUnitOfWork.isStarted()) {
            chain.append(message.getIdentifier(), clock.instant());
            return;
        }
        // The processor's batch is linked in one go just before it commits, in handling order.
        UnitOfWork<?> unit = CurrentUnitOfWork.get().root();
        List<String> pending = unit.getOrComputeResource("dxcp.audit.chain", key -> {
            List<String> fresh = new ArrayList<>();
            unit.onPrepareCommit(u -> chain.appendAll(fresh, clock.instant()));
            return fresh;
        });
        pending.add(message.getIdentifier());
    }
}
