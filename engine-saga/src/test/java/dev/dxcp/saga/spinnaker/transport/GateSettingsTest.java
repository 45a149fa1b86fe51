package dev.dxcp.saga.spinnaker.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Settings report secrets only as *_configured booleans and refuse unsafe combinations. */
class GateSettingsTest {

    @Test
    void describeNeverContainsSecrets() {
        GateSettings cc = GateSettings.of("http://gate.internal:8084/gate/",
                new GateAuthSettings.ClientCredentials("https://idp.example.com/oauth/token?x=1", "dxcp", "s3cr3t-value",
                        "aud", null, null));
        GateSettings header = GateSettings.of("http://gate.internal:8084",
                new GateAuthSettings.StaticHeader("X-Api-Key", "k3y-value"));

        assertThat(cc.describe()).containsEntry("client_secret_configured", true)
                .containsEntry("auth_mode", "client_credentials")
                .containsEntry("base_url", "http://gate.internal:8084/gate")
                .containsEntry("token_url", "https://idp.example.com/...");
        assertThat(header.describe()).containsEntry("header_value_configured", true).containsEntry("header_name", "X-Api-Key");
        assertThat(cc.describe().toString() + cc + cc.auth()).doesNotContain("s3cr3t-value");
        assertThat(header.describe().toString() + header + header.auth()).doesNotContain("k3y-value");
    }

    @Test
    void mtlsDescribesKeyMaterialAsBooleans() {
        GateSettings mtls = new GateSettings("https://gate.internal", GateAuthSettings.MutualTls.fromKeystore(
                Path.of("client.p12"), "p12-pass", null, "gate.internal"), null, null, null, "dxcp");

        assertThat(mtls.describe()).containsEntry("client_certificate_configured", true)
                .containsEntry("keystore_password_configured", true)
                .containsEntry("ca_bundle_configured", false)
                .containsEntry("expected_server_name", "gate.internal");
        assertThat(mtls.describe().toString() + mtls + mtls.auth()).doesNotContain("p12-pass").doesNotContain("client.p12");
    }

    @Test
    void mtlsRequiresAUserHeaderIdentityAndHttps() {
        GateAuthSettings tls = GateAuthSettings.MutualTls.fromKeystore(Path.of("client.p12"), "x", null, null);

        assertThatThrownBy(() -> new GateSettings("https://gate.internal", tls, null, null, null, " "))
                .hasMessageContaining("serviceUser");
        assertThatThrownBy(() -> new GateSettings("http://gate.internal", tls, null, null, null, "dxcp"))
                .hasMessageContaining("https");
    }

    @Test
    void defaultsAndValidation() {
        GateSettings settings = GateSettings.of(null, null);

        assertThat(settings.configured()).isFalse();
        assertThat(settings.mode()).isEqualTo(GateAuthMode.NONE);
        assertThat(settings.retry()).isEqualTo(RetrySettings.defaults());
        assertThatThrownBy(() -> GateSettings.of("ftp://gate", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GateSettings("http://g", null, Duration.ZERO, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySettings(11, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
