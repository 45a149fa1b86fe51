package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.command.common.RateGate;
import dev.dxcp.query.operations.ProjectionProgressSignal;
import dev.dxcp.query.operations.ProjectionCatalog;
import dev.dxcp.query.operations.RebuildableProjection;
import dev.dxcp.query.operations.ReadYourWrites;
import dev.dxcp.query.operations.StoredTokens;
import dev.dxcp.server.axon.AppendedEvents;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.settings.DxcpProperties;
import dev.dxcp.server.config.FileDatabaseSync;
import dev.dxcp.server.http.AdmissionAnswers;
import dev.dxcp.server.http.DurableAnswers;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.Questions;
import dev.dxcp.server.http.InstanceRateWindows;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.RateWindows;
import dev.dxcp.server.cluster.MigrationLock;
import dev.dxcp.server.cluster.SharedRateWindows;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import dev.dxcp.server.http.build.BuildJson;
import dev.dxcp.server.http.build.BuildRegistrations;
import dev.dxcp.server.http.build.UploadCapabilityJson;
import dev.dxcp.server.http.deployment.DeploymentJson;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** The HTTP edge's collaborators. */
@Configuration
public class HttpWiring {
    private static final Logger log = LoggerFactory.getLogger(HttpWiring.class);
    /** How often a write waiting on a projection another instance runs reads that projection's token. */
    private static final Duration OTHER_INSTANCES_POLL = Duration.ofMillis(5);

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public AppendedEvents appendedEvents(EventStore eventStore) {
        AppendedEvents interceptor = new AppendedEvents();
        eventStore.registerDispatchInterceptor(interceptor);
        return interceptor;
    }

    @Bean
    public ReadYourWrites readYourWrites(NamedParameterJdbcTemplate jdbc, EventProcessingConfiguration processing,
                                         JdbcTemplate plainJdbc, Serializer serializer,
                                         ProjectionProgressSignal progress, DxcpProperties properties,
                                         ProjectionCatalog catalog) {
        return new ReadYourWrites(jdbc, processing::eventProcessors, new StoredTokens(plainJdbc, serializer),
                progress, properties.readYourWritesTimeout(), OTHER_INSTANCES_POLL,
                // A write's answer waits for the read models, the projections the catalogue can rebuild.
                catalog.all().stream().map(RebuildableProjection::name).collect(Collectors.toUnmodifiableSet()));
    }

    @Bean
    public CommandSender commandSender(CommandGateway gateway, ReadYourWrites readYourWrites,
                                       AppendedEvents appendedEvents) {
        return new CommandSender(gateway, readYourWrites::await);
    }

    /** Embedded mode: answers to writes wait until the writes are on disk (FileDatabaseSync). */
    @Bean
    @Conditional(EmbeddedFileDatabase.class)
    public DurableAnswers durableAnswers(DataSource dataSource) {
        log.info("event=embedded_database durability=synced_before_answer note=\"every answer to a write waits "
                + "until the H2 file is synced to disk\"");
        return new DurableAnswers(new FileDatabaseSync(dataSource)::syncCommitted);
    }

    @Bean
    public Questions questions(QueryGateway gateway) {
        return new Questions(gateway);
    }

    @Bean
    public RateLimiter rateLimiter(Questions questions, RateWindows windows) {
        return new RateLimiter(questions, windows);
    }

    /**
     * On PostgreSQL every instance charges the same rows (a limit is cluster-wide, decision 170), through
     * a pool of its own; the embedded database is one process, which counts in memory.
     */
    @Bean
    public RateWindows rateWindows(DataSourceProperties database) {
        if (database.getUrl() == null || !database.getUrl().startsWith("jdbc:postgresql:")) {
            return new InstanceRateWindows();
        }
        HikariDataSource pool = database.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("dxcp-rate-windows");
        pool.setMaximumPoolSize(4);
        pool.setConnectionTimeout(5_000);
        return new SharedRateWindows(pool, pool);
    }

    /** Three instances started together on an empty database migrate one at a time (decision 171). */
    @Bean
    public FlywayMigrationStrategy migrationLock() {
        return new MigrationLock();
    }

    /** The admission pipeline's mutate rate is the edge's per-actor counter (governance §7). */
    @Bean
    public RateGate rateGate(RateLimiter rateLimiter) {
        return rateLimiter::chargeMutation;
    }

    @Bean
    public Guards guards(Questions questions) {
        return new Guards(questions);
    }

    @Bean
    public BuildJson buildJson(ObjectMapper json) {
        return new BuildJson(json);
    }

    @Bean
    public UploadCapabilityJson uploadCapabilityJson(ObjectMapper json) {
        return new UploadCapabilityJson(json);
    }

    @Bean
    public BuildRegistrations buildRegistrations(CommandSender commands, Questions questions) {
        return new BuildRegistrations(commands, questions);
    }

    @Bean
    public AdmissionAnswers admissionAnswers(BuildJson builds, UploadCapabilityJson capabilities,
                                             DeploymentJson deployments) {
        return new AdmissionAnswers(builds, capabilities, deployments);
    }
}
