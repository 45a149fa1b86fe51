package dev.dxcp.command.settings;

import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;

/** Engine adapter settings for the tests, built field by field from a plain starting point. */
final class EngineAdapterFixtures {
    private EngineAdapterFixtures() {
    }

    static EngineAdapterSettings http(String gateUrl) {
        return new EngineAdapterSettings(Mode.HTTP, gateUrl, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    static EngineAdapterSettings header(String gateUrl, String name, String valueRef) {
        return new EngineAdapterSettings(Mode.HTTP, gateUrl, name, valueRef, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    static EngineAdapterSettings tokenMinting(String gateUrl, String tokenUrl, String clientId, String secretRef,
                                              Integer refreshSkewSeconds) {
        return new EngineAdapterSettings(Mode.HTTP, gateUrl, null, null, tokenUrl, clientId, secretRef, "gate",
                null, refreshSkewSeconds, null, null, null, null, null, null);
    }

    static EngineAdapterSettings pemTls(String gateUrl, String cert, String key, String serverName) {
        return new EngineAdapterSettings(Mode.MTLS, gateUrl, null, null, null, null, null, null, null, null, cert, key,
                null, null, null, serverName);
    }

    static EngineAdapterSettings keystoreTls(String gateUrl, String keystore, String passwordRef) {
        return new EngineAdapterSettings(Mode.MTLS, gateUrl, null, null, null, null, null, null, null, null, null,
                null, keystore, passwordRef, null, null);
    }

    static EngineAdapterSettings withMode(EngineAdapterSettings s, Mode mode) {
        return new EngineAdapterSettings(mode, s.gateUrl(), s.headerName(), s.headerValueRef(), s.tokenUrl(),
                s.clientId(), s.clientSecretRef(), s.audience(), s.scope(), s.refreshSkewSeconds(), s.clientCertPath(),
                s.clientKeyPath(), s.keystorePath(), s.keystorePasswordRef(), s.caBundlePath(), s.serverName());
    }
}
