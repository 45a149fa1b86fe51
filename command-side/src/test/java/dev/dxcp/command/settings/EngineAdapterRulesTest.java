package dev.dxcp.command.settings;

import dev.dxcp.events.settings.EngineAdapterSettings;
import dev.dxcp.events.settings.EngineAdapterSettings.Mode;
import dev.dxcp.events.settings.SettingProblem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dxcp.command.settings.EngineAdapterFixtures.header;
import static dev.dxcp.command.settings.EngineAdapterFixtures.http;
import static dev.dxcp.command.settings.EngineAdapterFixtures.keystoreTls;
import static dev.dxcp.command.settings.EngineAdapterFixtures.pemTls;
import static dev.dxcp.command.settings.EngineAdapterFixtures.tokenMinting;
import static dev.dxcp.command.settings.EngineAdapterFixtures.withMode;
import static org.assertj.core.api.Assertions.assertThat;

/** Which engine connection settings are usable, field by field (api-contract §11 engine-adapters/main). */
class EngineAdapterRulesTest {
    private static final String GATE = "https://gate.example.internal/api";

    @Test
    void everyModeHasAUsableMinimalForm() {
        assertThat(EngineAdapterRules.check(EngineAdapterSettings.stub())).isEmpty();
        assertThat(EngineAdapterRules.check(http("http://gate:8084"))).isEmpty();
        assertThat(EngineAdapterRules.check(header(GATE, "Authorization", "stored:1"))).isEmpty();
        assertThat(EngineAdapterRules.check(tokenMinting(GATE, "https://idp.example/oauth/token", "dxcp", "stored:2",
                45))).isEmpty();
        assertThat(EngineAdapterRules.check(pemTls(GATE, "/etc/dxcp/cert.pem", "/etc/dxcp/key.pem", "gate.internal")))
                .isEmpty();
        assertThat(EngineAdapterRules.check(keystoreTls(GATE, "/etc/dxcp/client.p12", "stored:3"))).isEmpty();
    }

    @Test
    void aMissingModeIsTheOnlyProblemReported() {
        assertThat(fields(withMode(http(null), null))).containsExactly("mode");
    }

    @Test
    void httpAndMtlsNeedAnAbsoluteGateUrlWithoutCredentialsQueryOrPlainHttpUnderMtls() {
        assertThat(fields(http(null))).containsExactly("gate_url");
        assertThat(fields(http("gate:8084"))).containsExactly("gate_url");
        assertThat(fields(http("ftp://gate:8084"))).containsExactly("gate_url");
        assertThat(fields(http("https://user:pass@gate:8084"))).containsExactly("gate_url");
        assertThat(fields(http("https://gate:8084/?token=x"))).containsExactly("gate_url");
        assertThat(fields(pemTls("http://gate:8084", "/c.pem", "/k.pem", null))).containsExactly("gate_url");
    }

    @Test
    void stubModeRefusesEverySettingItWouldIgnore() {
        EngineAdapterSettings stubWithUrl = withMode(header(GATE, "X-Key", "stored:1"), Mode.STUB);
        List<SettingProblem> problems = EngineAdapterRules.check(stubWithUrl);
        assertThat(problems).extracting(SettingProblem::field)
                .containsExactly("gate_url", "header_name", "header_value");
        assertThat(problems.get(0).message()).isEqualTo("gate_url is not used in stub mode");
    }

    @Test
    void aStaticHeaderNeedsAValidNameNotSetByDxcpAndItsValue() {
        assertThat(fields(header(GATE, "X-Key", null))).containsExactly("header_value");
        assertThat(fields(header(GATE, null, "stored:1"))).containsExactly("header_name");
        assertThat(fields(header(GATE, "X Key", "stored:1"))).containsExactly("header_name");
        assertThat(fields(header(GATE, "x-spinnaker-user", "stored:1"))).containsExactly("header_name");
        assertThat(fields(header(GATE, "Host", "stored:1"))).containsExactly("header_name");
    }

    @Test
    void tokenMintingNeedsUrlClientAndSecretAndABoundedSkew() {
        assertThat(fields(tokenMinting(GATE, null, null, null, null)))
                .containsExactly("token_url", "client_id", "client_secret");
        assertThat(fields(tokenMinting(GATE, "idp/token", "dxcp", "stored:1", null))).containsExactly("token_url");
        assertThat(fields(tokenMinting(GATE, "https://idp/token", "dxcp", "stored:1", 3601)))
                .containsExactly("refresh_skew_seconds");
        assertThat(fields(tokenMinting(GATE, "https://idp/token", "dxcp", "stored:1", -1)))
                .containsExactly("refresh_skew_seconds");
    }

    @Test
    void aStaticHeaderAndTokenMintingExcludeEachOther() {
        EngineAdapterSettings both = new EngineAdapterSettings(Mode.HTTP, GATE, "X-Key", "stored:1",
                "https://idp/token", "dxcp", "stored:2", null, null, null, null, null, null, null, null, null);
        assertThat(fields(both)).containsExactly("header_name");
    }

    @Test
    void mtlsNeedsPemFilesOrAKeystoreAsAbsolutePathsAndNoHttpCredentials() {
        assertThat(fields(pemTls(GATE, null, null, null))).containsExactly("client_cert_path");
        assertThat(fields(pemTls(GATE, "/c.pem", null, null))).containsExactly("client_key_path");
        assertThat(fields(pemTls(GATE, "certs/c.pem", "/k.pem", null))).containsExactly("client_cert_path");
        assertThat(fields(pemTls(GATE, "/c.pem", "/k.pem", "not a host"))).containsExactly("server_name");
        assertThat(fields(keystoreTls(GATE, null, "stored:1"))).containsExactly("client_cert_path", "keystore_password");
        EngineAdapterSettings pemAndKeystore = new EngineAdapterSettings(Mode.MTLS, GATE, null, null, null, null,
                null, null, null, null, "/c.pem", "/k.pem", "/ks.p12", null, null, null);
        assertThat(fields(pemAndKeystore)).containsExactly("keystore_path");
        assertThat(fields(withMode(header(GATE, "X-Key", "stored:1"), Mode.MTLS)))
                .containsExactly("header_name", "header_value", "client_cert_path");
    }

    @Test
    void httpRefusesMtlsFiles() {
        assertThat(fields(withMode(pemTls(GATE, "/c.pem", "/k.pem", null), Mode.HTTP)))
                .containsExactly("client_cert_path", "client_key_path");
    }

    @Test
    void overlongValuesAreRefused() {
        assertThat(fields(http("https://gate/" + "a".repeat(EngineAdapterRules.MAX_URL)))).containsExactly("gate_url");
        assertThat(fields(header(GATE, "X" + "a".repeat(EngineAdapterRules.MAX_TEXT), "stored:1")))
                .containsExactly("header_name");
    }

    private static List<String> fields(EngineAdapterSettings settings) {
        return EngineAdapterRules.check(settings).stream().map(SettingProblem::field).distinct().toList();
    }
}
