package dev.dxcp.cli.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dxcp.cli.CliContext;
import dev.dxcp.cli.CliFailure;
import dev.dxcp.cli.ExitCode;

import java.net.http.HttpHeaders;
import java.util.Optional;

/** One answer of the DXCP API: status, headers and the body as text. */
public record ApiResponse(int status, HttpHeaders headers, String body) {

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public JsonNode json() {
        try {
            return body == null || body.isEmpty() ? CliContext.JSON.nullNode() : CliContext.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new CliFailure(ExitCode.ERROR, "The server answered " + status + " with a body that is not JSON: "
                    + abbreviate(body));
        }
    }

    static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
