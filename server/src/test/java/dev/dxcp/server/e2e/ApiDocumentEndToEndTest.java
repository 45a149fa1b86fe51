package dev.dxcp.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.server.http.openapi.ApiRoute;
import dev.dxcp.server.http.openapi.RouteCatalog;
import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The API document at /v3/api-docs against the routes the server really maps (Spring's handler
 * mapping), both ways; and the validator every end-to-end test runs its answers through.
 */
class ApiDocumentEndToEndTest extends EndToEndTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document() {
        Response answer = TestHttp.get(url("/v3/api-docs"), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** "GET /v1/x/{id}" for every /v1 route the server maps. */
    private Set<String> mappedRoutes() {
        Set<String> routes = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                if (!pattern.getPatternString().startsWith("/v1/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s maps every method", pattern).isNotEmpty();
                methods.forEach(m -> routes.add(m.name() + " " + pattern.getPatternString()));
            }
        }
        return routes;
    }

    @Test
    void everyMappedV1RouteIsInTheDocumentWithRolesResponsesAndErrorCodes() {
        JsonNode paths = document().path("paths");
        Set<String> mapped = mappedRoutes();
        assertThat(mapped).as("the handler mapping is enumerated").hasSizeGreaterThan(60);
        List<String> undocumented = new ArrayList<>();
        for (String route : mapped) {
            String[] parts = route.split(" ", 2);
            JsonNode operation = paths.path(parts[1]).path(parts[0].toLowerCase());
            boolean described = operation.has("x-dxcp-roles") && operation.path("responses").size() >= 2
                    && operation.path("tags").size() == 1 && operation.hasNonNull("summary");
            if (!described) {
                undocumented.add(route);
            }
        }
        assertThat(undocumented).as("mapped /v1 routes missing from the route tables (dev.dxcp.server.http.openapi)")
                .isEmpty();
    }

    @Test
    void everyRouteTheTablesDescribeIsMapped() {
        Set<String> mapped = mappedRoutes();
        List<String> stale = RouteCatalog.all().stream().map(ApiRoute::toString).filter(r -> !mapped.contains(r))
                .toList();
        assertThat(stale).as("documented routes the server does not map").isEmpty();
    }

    @Test
    void theDocumentCarriesTheBearerSchemeTheContractHeadersAndPerStatusErrorCodes() {
        JsonNode doc = document();
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        JsonNode deploy = doc.path("paths").path("/v1/deployments").path("post");
        assertThat(deploy.path("parameters").findValuesAsText("$ref"))
                .contains("#/components/parameters/IdempotencyKey", "#/components/parameters/RequestId");
        assertThat(deploy.path("responses").path("201").path("headers").has("Idempotency-Replayed")).isTrue();
        assertThat(deploy.path("responses").path("409").path("content").path("application/json").path("schema")
                .path("allOf").get(1).path("properties").path("code").path("enum").toString())
                .contains("CONCURRENCY_LIMIT_REACHED", "IDEMPOTENCY_CONFLICT");
        assertThat(doc.path("paths").path("/v1/health").path("get").path("security").isEmpty()).isTrue();
        assertThat(doc.path("components").path("schemas").path("DeploymentRecord").path("required").toString())
                .contains("\"id\"", "\"deploymentKind\"", "\"failures\"");
    }

    @Test
    void theDocumentIsServedAsYamlAndThePageOnlyInEmbeddedMode() {
        Response yaml = TestHttp.get(url("/v3/api-docs.yaml"), null);
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi: 3.", "/v1/deployments/{id}/rollback:");
        assertThat(TestHttp.get(url("/swagger-ui.html"), null).status())
                .as("an OIDC provider is configured: no browsable page").isEqualTo(404);
    }

    @Test
    void anAnswerThatBreaksTheDocumentFailsValidation() {
        HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (a, b) -> true);
        Response missingFields = new Response(200, json, "{\"service\":\"demo-service\"}");
        assertThatThrownBy(() -> ContractValidator.check("GET", url("/v1/deployments/abc"), missingFields))
                .hasMessageContaining("/v1/deployments/abc").hasMessageContaining("required");
        Response undocumentedCode = new Response(409, json, "{\"code\":\"QUOTA_EXCEEDED\",\"error_code\":"
                + "\"QUOTA_EXCEEDED\",\"failure_cause\":\"POLICY_CHANGE\",\"message\":\"x\",\"request_id\":\"r\"}");
        assertThatThrownBy(() -> ContractValidator.check("POST", url("/v1/deployments"), undocumentedCode))
                .hasMessageContaining("QUOTA_EXCEEDED");
        Response undocumentedStatus = new Response(418, json, "{}");
        assertThatThrownBy(() -> ContractValidator.check("GET", url("/v1/services"), undocumentedStatus))
                .hasMessageContaining("418");
    }

    @Test
    void theServicesListLinksEachServiceToItsDeliveryGroup() {
        JsonNode services = get("/v1/services", admin()).json();
        JsonNode demo = null;
        for (JsonNode service : services) {
            if ("demo-service".equals(service.path("service_name").asText())) {
                demo = service;
            }
        }
        assertThat(demo).isNotNull();
        String group = demo.path("delivery_group_id").asText();
        assertThat(group).isNotBlank();
        assertThat(demo.path("delivery_group_url").asText()).isEqualTo("/v1/delivery-groups/" + group);
        assertThat(get(demo.path("delivery_group_url").asText(), admin()).json().path("services").toString())
                .contains("\"demo-service\"");
    }
}
