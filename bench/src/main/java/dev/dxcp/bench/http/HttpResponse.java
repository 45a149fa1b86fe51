package dev.dxcp.bench.http;

import java.nio.charset.StandardCharsets;

/** A whole answer: status and body; whether the server closes the connection after it. */
public record HttpResponse(int status, byte[] body, boolean closesConnection) {

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
