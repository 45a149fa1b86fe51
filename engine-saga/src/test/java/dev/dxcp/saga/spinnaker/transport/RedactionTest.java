package dev.dxcp.saga.spinnaker.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** governance §12: what must never reach a hint or a log line. */
class RedactionTest {

    @Test
    void bearerTokensAndAuthorizationHeadersAreMasked() {
        assertThat(Redaction.redact("sent Bearer eyJhbGciOi.J9.abc-def to gate"))
                .isEqualTo("sent Bearer *** to gate");
        assertThat(Redaction.redact("Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: ***");
    }

    @Test
    void secretQueryAndFormValuesAreMasked() {
        assertThat(Redaction.redact("token=abc123&user=x api_key=K-1 client_secret=s3cr3t"))
                .isEqualTo("token=***&user=x api_key=*** client_secret=***");
        assertThat(Redaction.redact("{\"access_token\":\"tok\",\"client_secret\":\"s\"}"))
                .isEqualTo("{\"access_token\":\"***\",\"client_secret\":\"***\"}");
    }

    @Test
    void cookieValuesAreMasked() {
        assertThat(Redaction.redact("Cookie: SESSION=abc; other=1")).isEqualTo("Cookie: ***");
        assertThat(Redaction.redact("Set-Cookie: SESSION=abc; Path=/")).isEqualTo("Set-Cookie: ***");
    }

    @Test
    void urlsAreReducedToSchemeAndHost() {
        assertThat(Redaction.redact("redirected to https://user:pw@sso.example.com:8443/login?token=abc#x now"))
                .isEqualTo("redirected to https://sso.example.com:8443/... now");
        assertThat(Redaction.reduceUrl("http://gate.internal:8084")).isEqualTo("http://gate.internal:8084");
        assertThat(Redaction.reduceUrl("http://gate.internal:8084/gate")).isEqualTo("http://gate.internal:8084/...");
        assertThat(Redaction.redact(null)).isNull();
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Pipeline configuration not found for basic deploy";
        assertThat(Redaction.redact(text)).isEqualTo(text);
    }
}
