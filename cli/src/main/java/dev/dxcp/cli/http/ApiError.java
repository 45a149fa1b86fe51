package dev.dxcp.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.ExitCode;

import java.util.Set;

/**
 * A non-2xx answer in the contract's error shape (governance §12), with the exit code it maps to.
 * The message names the code, the server's message, its operator hint and the request id to quote.
 */
public final class ApiError extends CliFailure {
    /** 403 codes that mean "who you are", not "what you asked" (governance §1, §2, §4). */
    private static final Set<String> AUTH_CODES = Set.of("UNAUTHORIZED", "AUTHZ_ROLE_REQUIRED", "ROLE_FORBIDDEN",
            "CI_ONLY", "DELIVERY_GROUP_SCOPE_REQUIRED", "OIDC_CONFIG_MISSING");

    private final int status;
    private final String code;
    private final JsonNode body;

    private ApiError(ExitCode exit, String message, int status, String code, JsonNode body) {
        super(exit, message);
        this.status = status;
        this.code = code;
        this.body = body;
    }

    public static ApiError of(String method, String path, ApiResponse response) {
        JsonNode body;
        try {
            body = response.json();
        } catch (CliFailure notJson) {
            body = null;
        }
        String code = body != null ? body.path("code").asText("") : "";
        String message = body != null ? body.path("message").asText("") : "";
        String hint = body != null ? body.path("operator_hint").asText("") : "";
        String requestId = body != null && body.hasNonNull("request_id") ? body.path("request_id").asText()
                : response.header("X-Request-Id").orElse("");
        StringBuilder text = new StringBuilder();
        text.append(code.isEmpty() ? "HTTP " + response.status() : code + " (" + response.status() + ")");
        text.append(": ").append(message.isEmpty() ? ApiResponse.abbreviate(response.body()) : message);
        if (!hint.isEmpty()) {
            text.append("\n  hint: ").append(hint);
        }
        if (body != null && body.has("details") && !body.path("details").isEmpty()) {
            text.append("\n  details: ").append(body.path("details"));
        }
        text.append("\n  ").append(method).append(' ').append(path);
        if (!requestId.isEmpty()) {
            text.append("  request_id=").append(requestId);
        }
        return new ApiError(exitFor(response.status(), code), text.toString(), response.status(), code, body);
    }

    static ExitCode exitFor(int status, String code) {
        if (status == 401 || AUTH_CODES.contains(code)) {
            return ExitCode.AUTH;
        }
        if (status == 404) {
            return ExitCode.NOT_FOUND;
        }
        if ("MUTATIONS_DISABLED".equals(code)) {
            return ExitCode.REFUSED;
        }
        if (status >= 500) {
            return ExitCode.SERVER;
        }
        return status >= 400 ? ExitCode.REFUSED : ExitCode.ERROR;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The error body as the server sent it (null when it was not JSON); {@code -o json} prints it. */
    public JsonNode body() {
        return body;
    }
}
