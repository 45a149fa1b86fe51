package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.command.settings.SystemSettingsView;
import dev.dxcp.server.artifact.ArtifactVerifier;
import dev.dxcp.server.axon.AppendedEvents;
import dev.dxcp.server.axon.CommandSender;
import dev.dxcp.server.axon.ReadYourWrites;
import dev.dxcp.server.axon.StoredTokens;
import dev.dxcp.server.config.DxcpProperties;
import dev.dxcp.server.config.FileDatabaseSync;
import dev.dxcp.server.http.DurableAnswers;
import dev.dxcp.server.http.Guards;
import dev.dxcp.server.http.RateLimiter;
import dev.dxcp.server.http.build.BuildJson;
import dev.dxcp.server.http.build.BuildRegistrationService;
import dev.dxcp.server.http.build.UploadCapabilityJson;
import dev.dxcp.server.http.build.UploadCapabilityService;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
import java.util.Set;

/** The HTTP edge's collaborators. */
@Configuration
public class HttpWiring {
    private static final Logger log = LoggerFactory.getLogger(HttpWiring.class);

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
                                         JdbcTemplate plainJdbc, Serializer serializer, DxcpProperties properties) {
        return new ReadYourWrites(jdbc, processing, new StoredTokens(plainJdbc, serializer),
                properties.readYourWritesTimeout(), Set.of());
    }

    @Bean
    public CommandSender commandSender(CommandGateway gateway, ReadYourWrites readYourWrites,
                                       AppendedEvents appendedEvents) {
        return new CommandSender(gateway, readYourWrites);
    }

    /** Embedded mode: answers to writes wait until the writes are on disk (FileDatabaseSync). */
    @Bean
    @Conditional(EmbeddedFileDatabase.class)
    public DurableAnswers durableAnswers(DataSource dataSource) {
        log.info("event=embedded_database durability=synced_before_answer note=\"every answer to a write waits "
                + "until the H2 file is synced to disk\"");
        return new DurableAnswers(new FileDatabaseSync(dataSource));
    }

    @Bean
    public RateLimiter rateLimiter(SystemSettingsView settings) {
        return new RateLimiter(settings);
    }

    @Bean
    public Guards guards(SystemSettingsView settings) {
        return new Guards(settings);
    }

    @Bean
    public BuildJson buildJson(ObjectMapper json, SystemSettingsView settings) {
        return new BuildJson(json, settings);
    }

    @Bean
    public UploadCapabilityJson uploadCapabilityJson(ObjectMapper json) {
        return new UploadCapabilityJson(json);
    }

    /** DXCP_UPLOAD_CAPABILITY_DAILY_QUOTA: capabilities per actor and UTC day (governance §7, default 50). */
    @Bean
    public UploadCapabilityService uploadCapabilityService(
            CommandSender commands, RateLimiter rateLimiter, DxcpProperties properties, Clock clock,
            @Value("${dxcp.upload-capabilities.daily-quota:50}") int dailyQuota) {
        return new UploadCapabilityService(commands, rateLimiter, properties.idempotencyWindow(), dailyQuota, clock);
    }

    @Bean
    public BuildRegistrationService buildRegistrationService(CommandSender commands, RateLimiter rateLimiter,
                                                             SystemSettingsView settings, ArtifactVerifier verifier,
                                                             DxcpProperties properties, Clock clock) {
        return new BuildRegistrationService(commands, rateLimiter, settings, verifier,
                properties.idempotencyWindow(), clock);
    }
}
