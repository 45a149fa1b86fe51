package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.query.audit.AuditEntries;
import dev.dxcp.query.audit.AuditProjection;
import dev.dxcp.query.build.BuildRegistryProjection;
import dev.dxcp.query.deployment.DeploymentHistoryProjection;
import dev.dxcp.query.operations.EventStoreHead;
import dev.dxcp.query.operations.ProcessorStatuses;
import dev.dxcp.query.operations.ProjectionCatalog;
import dev.dxcp.query.operations.ProjectionRebuilder;
import dev.dxcp.query.operations.RebuildInfrastructure;
import dev.dxcp.query.operations.RebuildableProjection;
import dev.dxcp.query.operations.StoredTokens;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Projection operations: which read models can be rebuilt, the rebuilder, and the processor list. */
@Configuration
public class OperationsWiring {

    /**
     * Each entry makes the same handler class the live processor runs, writing the generation it is given.
     * The audit's entry is its entries only: the chain linker stays with the live processor (DECISIONS 54).
     */
    @Bean
    public ProjectionCatalog projectionCatalog(JdbcTemplate jdbc, ObjectMapper json, AuditEntries auditEntries) {
        return new ProjectionCatalog(List.of(
                new RebuildableProjection(BuildRegistryProjection.NAME, BuildRegistryProjection.TABLES,
                        target -> new BuildRegistryProjection(jdbc, target)),
                new RebuildableProjection(DeploymentHistoryProjection.NAME, DeploymentHistoryProjection.TABLES,
                        target -> new DeploymentHistoryProjection(jdbc, json, target)),
                new RebuildableProjection(AuditProjection.NAME, AuditProjection.TABLES,
                        target -> new AuditProjection(jdbc, auditEntries, target))));
    }

    @Bean
    public EventStoreHead eventStoreHead(JdbcTemplate jdbc) {
        return new EventStoreHead(jdbc);
    }

    @Bean(destroyMethod = "shutdownNow")
    public ExecutorService projectionRebuildRunner() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("dxcp-rebuild-");
        threads.setDaemon(true);
        return Executors.newCachedThreadPool(threads);
    }

    @Bean
    public ProjectionRebuilder projectionRebuilder(ProjectionCatalog catalog, JdbcTemplate jdbc,
                                                   PlatformTransactionManager transactions, Serializer serializer,
                                                   EventStore eventStore, TokenStore tokenStore,
                                                   TransactionManager axonTransactions, EventStoreHead head,
                                                   EventBus eventBus, ExecutorService projectionRebuildRunner,
                                                   Clock clock) {
        return new ProjectionRebuilder(catalog, jdbc, new TransactionTemplate(transactions),
                new StoredTokens(jdbc, serializer), new RebuildInfrastructure(eventStore, tokenStore, axonTransactions),
                head, eventBus, projectionRebuildRunner, clock);
    }

    @Bean
    public ProcessorStatuses processorStatuses(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                                               Serializer serializer, EventStoreHead head, ProjectionCatalog catalog,
                                               ProjectionRebuilder rebuilder) {
        return new ProcessorStatuses(processing, new StoredTokens(jdbc, serializer), head, catalog, rebuilder);
    }
}
