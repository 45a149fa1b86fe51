package dev.dxcp.query.operations;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** What a rebuild processor is made of: the same event store, token store and transactions as the live ones. */
public record RebuildInfrastructure(EventStore eventStore, TokenStore tokenStore,
                                    TransactionManager transactionManager) {
}
