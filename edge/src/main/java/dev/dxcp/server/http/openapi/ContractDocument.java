package dev.dxcp.server.http.openapi;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Completes the document springdoc generates from the controllers (paths, path and query parameters)
 * with what the controllers cannot tell it, because they answer JSON trees: the schemas
 * (openapi/schemas.yaml), the roles, the Idempotency-Key and X-Request-Id headers, the bearer scheme and,
 * per route, the success answers and the error codes it can answer (the route tables). Each error status
 * lists its codes as an enum on the error body's code, so a validator catches an undocumented one.
 */
public final class ContractDocument implements OpenApiCustomizer {
    static final String BEARER = "bearer";
    static final String DOCUMENTED = "x-dxcp-roles";
    private static final String ERROR = "#/components/schemas/Error";

    private final List<ApiRoute> routes;
    private final Map<String, Schema> schemas;
    private final String version;

    public ContractDocument(List<ApiRoute> routes, String version) {
        this.routes = routes;
        this.schemas = loadSchemas();
        this.version = version;
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> loadSchemas() {
        try (InputStream in = ContractDocument.class.getResourceAsStream("/openapi/schemas.yaml")) {
            return Yaml.mapper().readValue(in, OpenAPI.class).getComponents().getSchemas();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi/schemas.yaml is unreadable", e);
        }
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("DXCP API").version(version).description(
                "Delivery Experience Control Plane, /v1. Error bodies, failure causes and check order: governance "
                        + "contract; every response carries X-Request-Id."));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        schemas.forEach(components::addSchemas);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("RS256 access token; the DXCP role is in the roles claim."));
        components.addParameters("IdempotencyKey", new Parameter().in("header").name("Idempotency-Key").required(true)
                .schema(new StringSchema()).description("Same key and body within 24 h replays the stored answer."));
        components.addParameters("RequestId", new Parameter().in("header").name("X-Request-Id").required(false)
                .schema(new StringSchema()).description("Echoed in the response; a fresh UUID when absent."));
        components.addHeaders("X-Request-Id", new Header().schema(new StringSchema())
                .description("The request's id; error bodies repeat it as request_id."));
        components.addHeaders("Idempotency-Replayed", new Header().schema(new StringSchema()._enum(
                List.of("true", "false"))).description("true on a replay of a stored answer, false on the first."));
        api.addSecurityItem(new SecurityRequirement().addList(BEARER));
        if (api.getPaths() == null) {
            return;
        }
        for (ApiRoute route : routes) {
            PathItem item = api.getPaths().get(route.path);
            Operation operation = item == null ? null
                    : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(route.method));
            if (operation != null) {
                describe(operation, route);
            }
        }
    }

    private void describe(Operation operation, ApiRoute route) {
        operation.setTags(List.of(route.tag));
        operation.setSummary(route.summary);
        operation.setOperationId(route.method.toLowerCase() + route.path.replaceAll("[^A-Za-z0-9]+", "_"));
        operation.addExtension(DOCUMENTED, route.open ? "none" : route.roles);
        StringBuilder description = new StringBuilder(route.open ? "No authentication." : "Roles: " + route.roles + ".");
        if (route.idempotencyKey) {
            description.append(" Idempotency-Key required.");
        }
        if (route.killSwitch) {
            description.append(" Refused while mutations are disabled.");
        }
        operation.setDescription(description.toString());
        if (route.open) {
            operation.setSecurity(List.of());
        }
        List<Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> !"header".equals(p.getIn())).forEach(parameters::add);
        }
        if (route.idempotencyKey) {
            parameters.add(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
        }
        parameters.add(new Parameter().$ref("#/components/parameters/RequestId"));
        operation.setParameters(parameters);
        operation.setRequestBody(route.requestSchema == null ? null : new RequestBody().required(true)
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref(route.requestSchema)))));
        operation.setResponses(responses(route));
    }

    private ApiResponses responses(ApiRoute route) {
        ApiResponses responses = new ApiResponses();
        route.successes.forEach((status, schema) -> {
            ApiResponse ok = new ApiResponse().description(status == 200 && route.successes.containsKey(201)
                    ? "Already registered: the existing record" : "Success");
            ok.addHeaderObject("X-Request-Id", new Header().$ref("#/components/headers/X-Request-Id"));
            if (route.replayHeader) {
                ok.addHeaderObject("Idempotency-Replayed", new Header().$ref("#/components/headers/Idempotency-Replayed"));
            }
            if (schema != null) {
                ok.content(new Content().addMediaType(route.mediaType,
                        new MediaType().schema(new Schema<>().$ref(schema))));
            }
            responses.addApiResponse(String.valueOf(status), ok);
        });
        Map<Integer, TreeSet<String>> codesByStatus = new TreeMap<>();
        List<String> errors = new ArrayList<>(route.errors);
        if (!route.open) {
            errors.addAll(ErrorSets.EVERY_AUTHENTICATED_ROUTE);
        } else {
            errors.add("500 INTERNAL_ERROR");
        }
        for (String error : errors) {
            String[] parts = error.split(" ", 2);
            codesByStatus.computeIfAbsent(Integer.parseInt(parts[0]), s -> new TreeSet<>()).add(parts[1]);
        }
        codesByStatus.forEach((status, codes) -> responses.addApiResponse(String.valueOf(status), new ApiResponse()
                .description(String.join(", ", codes))
                .addHeaderObject("X-Request-Id", new Header().$ref("#/components/headers/X-Request-Id"))
                .content(new Content().addMediaType("application/json", new MediaType().schema(errorWith(codes))))));
        return responses;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema errorWith(TreeSet<String> codes) {
        ObjectSchema codeEnum = new ObjectSchema();
        codeEnum.addProperty("code", new StringSchema()._enum(new ArrayList<>(codes)));
        ComposedSchema schema = new ComposedSchema();
        schema.addAllOfItem(new Schema().$ref(ERROR));
        schema.addAllOfItem(codeEnum);
        return schema;
    }
}
