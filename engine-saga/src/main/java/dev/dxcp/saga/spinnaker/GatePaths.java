package dev.dxcp.saga.spinnaker;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The engine paths DXCP calls (spinnaker-gate §2), relative to the base URL so a prefix such as
 * {@code /gate} is kept. Path segments are percent-encoded (pipeline names may contain spaces).
 */
final class GatePaths {

    private GatePaths() {
    }

    static String trigger(String application, String pipeline) {
        return "/pipelines/" + segment(application) + "/" + segment(pipeline);
    }

    static String execution(String executionId) {
        return "/pipelines/" + segment(executionId);
    }

    static String cancel(String executionId, String reason) {
        String query = "?force=false";
        if (reason != null && !reason.isBlank()) {
            query = "?reason=" + encode(reason) + "&force=false";
        }
        return "/pipelines/" + segment(executionId) + "/cancel" + query;
    }

    /** domain-and-state §16 asks for {@code expand=true}; Gate ignores it on the list (spinnaker-gate §2.5). */
    static String applications() {
        return "/applications?expand=true";
    }

    static String pipelineConfigs(String application) {
        return "/applications/" + segment(application) + "/pipelineConfigs";
    }

    /**
     * Executions of one pipeline whose trigger contains {@code {"idempotencyKey": key}}, newest first
     * (spinnaker-gate §6). The trigger subset travels base64-encoded.
     */
    static String searchByIdempotencyKey(String application, String pipelineName, String triggerSubsetJson) {
        String trigger = Base64.getEncoder().encodeToString(triggerSubsetJson.getBytes(StandardCharsets.UTF_8));
        return "/applications/" + segment(application) + "/executions/search?pipelineName=" + encode(pipelineName)
                + "&trigger=" + encode(trigger);
    }

    static String health() {
        return "/health";
    }

    static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("path segment must not be blank");
        }
        return encode(value);
    }

    /** Percent-encoding with {@code %20} for spaces, valid in both paths and queries. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
