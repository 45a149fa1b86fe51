package dev.dxcp.saga.spinnaker.transport;

import java.net.http.HttpHeaders;

/** A response from the engine, whatever its status. */
public record GateResponse(int status, HttpHeaders headers, String body) {

    /** Gate's correlation header, echoed or generated on every answer (spinnaker-gate §1). */
    public String upstreamRequestId() {
        return headers.firstValue("X-SPINNAKER-REQUEST-ID").orElse(null);
    }

    public boolean successful() {
        return status >= 200 && status <= 299;
    }

    public boolean bodyBlank() {
        return body == null || body.isBlank();
    }
}
