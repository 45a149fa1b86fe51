package dev.dxcp.server.http.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The document served at /v3/api-docs (and .yaml): springdoc's scan, completed by the route tables. */
@Configuration
public class ApiDocumentWiring {
    @Bean
    public ContractDocument contractDocument(@Value("${dxcp.api-version:0.1.0}") String version) {
        return new ContractDocument(RouteCatalog.all(), version);
    }
}
