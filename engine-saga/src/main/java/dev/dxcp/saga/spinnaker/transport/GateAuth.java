package dev.dxcp.saga.spinnaker.transport;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the adapter proves DXCP's identity to the engine (domain-and-state §16). The strategy only ever
 * adds the engine credential it was configured with: there is no way to pass a user's token in, so a
 * user's bearer token can never be forwarded, whatever the mode.
 */
public interface GateAuth {

    /** Adds this mode's credential (if any) to an outgoing request. */
    void authorize(HttpRequest.Builder request);

    /** The TLS context carrying the client certificate, in mTLS mode only. */
    default Optional<SSLContext> sslContext() {
        return Optional.empty();
    }

    /** Called when the engine answered 401, so a cached credential is not reused. */
    default void onUnauthorized() {
    }

    static GateAuth from(GateSettings settings, Clock clock) {
        GateAuthSettings auth = settings.auth();
        if (auth instanceof GateAuthSettings.StaticHeader header) {
            return new StaticHeaderAuth(header);
        }
        if (auth instanceof GateAuthSettings.ClientCredentials credentials) {
            return new ClientCredentialsAuth(credentials, settings.connectTimeout(), settings.readTimeout(), clock);
        }
        if (auth instanceof GateAuthSettings.MutualTls tls) {
            return new MutualTlsAuth(TlsContextFactory.build(tls));
        }
        return request -> { };
    }
}
