package dev.dxcp.server.config;

import dev.dxcp.command.settings.EngineAdapterRules;
import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How DXCP_GATE_* start-up configuration reads as the engine adapter in force before any admin change. */
class EngineAdapterDefaultsTest {
    private static final String GATE = "https://gate.example.internal";

    @Test
    void noGateUrlIsTheStubAndModeNoneIsNoEngine() {
        assertThat(EngineAdapterDefaults.from(engine("gate", null, "none"))).isEqualTo(EngineAdapterSettings.stub());
        EngineAdapterSettings none = EngineAdapterDefaults.from(engine("none", null, "none"));
        assertThat(none.mode()).isEqualTo(Mode.HTTP);
        assertThat(none.gateUrl()).isNull();
    }

    @Test
    void aStaticHeaderIsReferencedNeverCopied() {
        EngineAdapterSettings header = EngineAdapterDefaults.from(engine("gate", GATE, "header"));
        assertThat(header.mode()).isEqualTo(Mode.HTTP);
        assertThat(header.gateUrl()).isEqualTo(GATE);
        assertThat(header.headerName()).isEqualTo("X-Gate-Key");
        assertThat(header.headerValueRef()).isEqualTo("startup:header_value");
        assertThat(header.toString()).doesNotContain("header-secret");
    }

    @Test
    void bearerIsTokenMintingWithItsRefreshSkew() {
        EngineAdapterSettings minting = EngineAdapterDefaults.from(engine("gate", GATE, "bearer"));
        assertThat(minting.tokenUrl()).isEqualTo("https://idp.example/token");
        assertThat(minting.clientId()).isEqualTo("dxcp");
        assertThat(minting.clientSecretRef()).isEqualTo("startup:client_secret");
        assertThat(minting.refreshSkewSeconds()).isEqualTo(45);
        assertThat(minting.headerName()).isNull();
    }

    @Test
    void mtlsKeepsItsFilesAndServerName() {
        EngineAdapterSettings tls = EngineAdapterDefaults.from(engine("gate", GATE, "mtls"));
        assertThat(tls.mode()).isEqualTo(Mode.MTLS);
        assertThat(tls.clientCertPath()).isEqualTo("/etc/dxcp/cert.pem");
        assertThat(tls.clientKeyPath()).isEqualTo("/etc/dxcp/key.pem");
        assertThat(tls.serverName()).isEqualTo("gate.internal");
        assertThat(tls.keystorePasswordRef()).isNull();
    }

    @Test
    void relativeMtlsFilesAreResolvedAgainstTheWorkingDirectory() {
        EngineProperties relative = new EngineProperties("gate", GATE, "mtls", null, null, null, null, null, null,
                null, "certs/cert.pem", "certs/key.pem", null, null, " ", null, "dxcp", null, null, null, null, null,
                null, null, null);
        EngineAdapterSettings tls = EngineAdapterDefaults.from(relative);
        assertThat(tls.clientCertPath()).isEqualTo(Path.of("certs/cert.pem").toAbsolutePath().toString());
        assertThat(Path.of(tls.clientKeyPath()).isAbsolute()).isTrue();
        assertThat(tls.caBundlePath()).isNull();
        assertThat(EngineAdapterRules.check(tls)).isEmpty();
    }

    @Test
    void anUnknownAuthModeStopsStartUp() {
        assertThatThrownBy(() -> EngineAdapterDefaults.from(engine("gate", GATE, "kerberos")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("DXCP_GATE_AUTH_MODE");
    }

    private static EngineProperties engine(String mode, String gateUrl, String authMode) {
        return new EngineProperties(mode, gateUrl, authMode, "X-Gate-Key", "header-secret",
                "https://idp.example/token", "dxcp", "client-secret", null, " ", "/etc/dxcp/cert.pem",
                "/etc/dxcp/key.pem", null, null, null, "gate.internal", "dxcp", null, null, null, null, null, null,
                null, Duration.ofSeconds(45));
    }
}
