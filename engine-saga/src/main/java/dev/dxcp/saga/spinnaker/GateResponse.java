package dev.dxcp.saga.spinnaker;

import java.net.http.HttpHeaders;

/** A response from the engine, whatever its status. */
record GateResponse(int status, HttpHeaders headers, String body) {

    /** Gate's correlation header, echoed or generated on every answer (spinnaker-gate §1). */
    String upstreamRequestId() {
        return headers.firstValue("X-SPINNAKER-REQUEST-ID").orElse(null);
    }

    boolean successful() {
        return status >= 200 && status <= 299;
    }

    boolean bodyBlank() {
        return body == null || body.isBlank();
    }
}
