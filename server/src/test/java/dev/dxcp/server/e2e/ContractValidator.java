package dev.dxcp.server.e2e;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.dxcp.testsupport.http.TestHttp;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks answers of the running server against the API document it serves at /v3/api-docs: status
 * documented for the route, body matching the schema, error code among the ones listed for that status.
 * Paths the document does not describe (the development issuer, actuator, unknown routes) are not
 * checked here; the route-coverage test makes sure every mapped /v1 route is described.
 */
public final class ContractValidator {
    private static final Map<String, OpenApiInteractionValidator> BY_SERVER = new ConcurrentHashMap<>();

    private ContractValidator() {
    }

    /** Fails with the validator's messages when the answer breaks the document. */
    public static void check(String method, String url, TestHttp.Response response) {
        URI uri = URI.create(url);
        if (!uri.getPath().startsWith("/v1/")) {
            return;
        }
        String server = uri.getScheme() + "://" + uri.getAuthority();
        OpenApiInteractionValidator validator = BY_SERVER.computeIfAbsent(server, ContractValidator::load);
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.header("Content-Type").ifPresent(type -> answer.withContentType(type));
        if (response.body() != null && !response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        ValidationReport report = validator.validateResponse(uri.getPath(), Request.Method.valueOf(method),
                answer.build());
        if (report.hasErrors()) {
            throw new AssertionError("Answer to " + method + " " + uri.getPath() + " (" + response.status()
                    + ") breaks the API document:\n" + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\nbody: " + abbreviate(response.body()));
        }
    }

    private static OpenApiInteractionValidator load(String server) {
        TestHttp.Response document = TestHttp.get(server + "/v3/api-docs", null);
        if (document.status() != 200) {
            throw new AssertionError("/v3/api-docs answered " + document.status() + ": " + document.body());
        }
        return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                .withLevelResolver(LevelResolver.create()
                        // Routes outside the document are covered by the route-coverage test instead.
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.operation.notAllowed", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE)
                        // The document's objects are open (schemas.yaml): the validator's default closes
                        // every object, which also breaks the allOf of per-status error codes.
                        .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        // NDJSON is a stream of documents, described in prose; JSON bodies are checked.
                        .withLevel("validation.response.contentType.notAllowed", ValidationReport.Level.ERROR)
                        .build())
                .build();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }
}
