package dev.dxcp.notify;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    @Test
    void theSignatureIsSha256PrefixedHexHmacOfTheExactBody() {
        // RFC 4231-style published vector for HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog").
        assertThat(WebhookSignature.of("key", "The quick brown fox jumps over the lazy dog"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void anotherSecretOrOneChangedByteGivesAnotherSignature() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String signed = WebhookSignature.of("s3cret", body);
        assertThat(WebhookSignature.of("s3cret!", body)).isNotEqualTo(signed);
        assertThat(WebhookSignature.of("s3cret", "{\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(signed);
        assertThat(WebhookSignature.of("s3cret", body)).isEqualTo(signed);
    }
}
