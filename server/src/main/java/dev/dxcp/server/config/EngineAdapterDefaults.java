package dev.dxcp.server.config;

import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.EngineAdapterSettings.Secret;
import dev.dxcp.saga.engine.EngineSecrets;

import dev.dxcp.server.settings.DxcpProperties;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The engine adapter as start-up configuration describes it (DXCP_GATE_*), in force until an admin saves
 * other settings. No gate URL is {@code stub}, the embedded Gate simulator. DXCP_ENGINE_MODE=none is
 * {@code http} without a gate URL: no engine, so deployments are refused with ENGINE_UNAVAILABLE.
 */
public final class EngineAdapterDefaults {
    private EngineAdapterDefaults() {
    }

    public static EngineAdapterSettings from(EngineProperties p) {
        if ("none".equalsIgnoreCase(p.mode())) {
            return new EngineAdapterSettings(Mode.HTTP, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);
        }
        if (p.embedded()) {
            return EngineAdapterSettings.stub();
        }
        String url = text(p.gateUrl());
        String authMode = p.authMode() == null ? "none" : p.authMode().trim().toLowerCase(Locale.ROOT);
        return switch (authMode) {
            case "none", "" -> new EngineAdapterSettings(Mode.HTTP, url, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
            case "header" -> new EngineAdapterSettings(Mode.HTTP, url, text(p.headerName()),
                    secret(p.headerValue(), Secret.HEADER_VALUE), null, null, null, null, null, null, null, null, null,
                    null, null, null);
            case "bearer", "client-credentials" -> new EngineAdapterSettings(Mode.HTTP, url, null, null,
                    text(p.tokenUrl()), text(p.clientId()), secret(p.clientSecret(), Secret.CLIENT_SECRET),
                    text(p.audience()), text(p.scope()),
                    p.tokenRefreshSkew() == null ? null : (int) p.tokenRefreshSkew().toSeconds(), null, null, null,
                    null, null, null);
            case "mtls" -> new EngineAdapterSettings(Mode.MTLS, url, null, null, null, null, null, null, null, null,
                    file(p.clientCert()), file(p.clientKey()), file(p.keystore()),
                    secret(p.keystorePassword(), Secret.KEYSTORE_PASSWORD), file(p.caBundle()), text(p.serverName()));
            default -> throw new InvalidSetting("DXCP_GATE_AUTH_MODE", "must be none, header, bearer or mtls, was \"" + authMode + "\"");
        };
    }

    /** A start-up secret is referenced, not copied: the value stays in this process's configuration. */
    private static String secret(String value, Secret secret) {
        return DxcpProperties.present(value) ? EngineSecrets.startupRef(secret) : null;
    }

    /**
     * Start-up configuration has always accepted paths relative to the working directory, while saved
     * settings must be absolute (they apply on every instance); resolving here keeps both meanings.
     */
    private static String file(String value) {
        return DxcpProperties.present(value) ? Path.of(value.trim()).toAbsolutePath().toString() : null;
    }

    private static String text(String value) {
        return DxcpProperties.present(value) ? value.trim() : null;
    }
}
