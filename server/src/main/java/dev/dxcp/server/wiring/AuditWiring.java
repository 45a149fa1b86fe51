package dev.dxcp.server.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxcp.query.audit.AuditChain;
import dev.dxcp.query.audit.AuditChainLinker;
import dev.dxcp.query.audit.AuditChainVerifier;
import dev.dxcp.query.audit.AuditEntries;
import dev.dxcp.query.audit.AuditEventQueries;
import dev.dxcp.query.audit.AuditProjection;
import dev.dxcp.query.audit.EventStoreReplay;
import dev.dxcp.query.audit.StoredEventPages;
import dev.dxcp.query.operations.LiveGeneration;
import dev.dxcp.server.http.system.CiPublisherJson;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The audit: its projection, the chain linker, the list query, the chain check and the event-store replay. */
@Configuration
public class AuditWiring {
    @Bean
    public AuditEntries auditEntries(ObjectMapper json) {
        // Publishers appear in the audit exactly as the admin API shows them (governance §14).
        return new AuditEntries(json, publishers -> CiPublisherJson.renderList(json, publishers));
    }

    @Bean
    public AuditProjection auditProjection(JdbcTemplate jdbc, AuditEntries entries) {
        return new AuditProjection(jdbc, entries, new LiveGeneration(AuditProjection.NAME, jdbc));
    }

    /** Runs in the live audit processor only; rebuilds get an AuditProjection of their own (OperationsWiring). */
    @Bean
    public AuditChainLinker auditChainLinker(JdbcTemplate jdbc, Clock clock) {
        return new AuditChainLinker(new AuditChain(jdbc), clock);
    }

    @Bean
    public AuditEventQueries auditEventQueries(JdbcTemplate jdbc) {
        return new AuditEventQueries(jdbc);
    }

    @Bean
    public AuditChainVerifier auditChainVerifier(JdbcTemplate jdbc) {
        return new AuditChainVerifier(jdbc);
    }

    @Bean
    public EventStoreReplay eventStoreReplay(JdbcTemplate jdbc, ObjectMapper json) {
        return new EventStoreReplay(new StoredEventPages(jdbc), json);
    }
}
