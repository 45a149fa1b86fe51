package dev.dxcp.saga.spinnaker.transport;

import java.net.http.HttpRequest;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The client certificate is the credential; nothing is added to the request. The user header
 * ({@code X-Spinnaker-User}) is still sent on every call: {@link GateSettings} refuses an mTLS setup
 * without a service user (domain-and-state §16).
 */
final class MutualTlsAuth implements GateAuth {

    private final SSLContext sslContext;

    MutualTlsAuth(SSLContext sslContext) {
        this.sslContext = sslContext;
    }

    @Override
    public void authorize(HttpRequest.Builder request) {
        // Deliberately empty: the TLS handshake carries the credential.
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.of(sslContext);
    }
}
