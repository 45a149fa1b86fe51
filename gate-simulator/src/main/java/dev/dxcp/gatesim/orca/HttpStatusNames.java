package dev.dxcp.gatesim.orca;

import java.util.Map;

/** Spring's HttpStatus enum names and reason phrases for the statuses the simulator produces. */
public final class HttpStatusNames {

    private record Names(String enumName, String reasonPhrase) {
    }

    private static final Map<Integer, Names> NAMES = Map.ofEntries(
            Map.entry(200, new Names("OK", "OK")),
            Map.entry(201, new Names("CREATED", "Created")),
            Map.entry(202, new Names("ACCEPTED", "Accepted")),
            Map.entry(204, new Names("NO_CONTENT", "No Content")),
            Map.entry(302, new Names("FOUND", "Found")),
            Map.entry(400, new Names("BAD_REQUEST", "Bad Request")),
            Map.entry(401, new Names("UNAUTHORIZED", "Unauthorized")),
            Map.entry(403, new Names("FORBIDDEN", "Forbidden")),
            Map.entry(404, new Names("NOT_FOUND", "Not Found")),
            Map.entry(405, new Names("METHOD_NOT_ALLOWED", "Method Not Allowed")),
            Map.entry(408, new Names("REQUEST_TIMEOUT", "Request Timeout")),
            Map.entry(409, new Names("CONFLICT", "Conflict")),
            Map.entry(410, new Names("GONE", "Gone")),
            Map.entry(415, new Names("UNSUPPORTED_MEDIA_TYPE", "Unsupported Media Type")),
            Map.entry(422, new Names("UNPROCESSABLE_ENTITY", "Unprocessable Entity")),
            Map.entry(429, new Names("TOO_MANY_REQUESTS", "Too Many Requests")),
            Map.entry(500, new Names("INTERNAL_SERVER_ERROR", "Internal Server Error")),
            Map.entry(501, new Names("NOT_IMPLEMENTED", "Not Implemented")),
            Map.entry(502, new Names("BAD_GATEWAY", "Bad Gateway")),
            Map.entry(503, new Names("SERVICE_UNAVAILABLE", "Service Unavailable")),
            Map.entry(504, new Names("GATEWAY_TIMEOUT", "Gateway Timeout")));

    private HttpStatusNames() {
    }

    public static String enumName(int status) {
        Names names = NAMES.get(status);
        return names == null ? "HTTP_" + status : names.enumName();
    }

    public static String reasonPhrase(int status) {
        Names names = NAMES.get(status);
        return names == null ? "HTTP " + status : names.reasonPhrase();
    }
}
