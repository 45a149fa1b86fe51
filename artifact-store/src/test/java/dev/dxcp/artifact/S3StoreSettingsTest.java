package dev.dxcp.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3StoreSettingsTest {

    @Test
    void defaultsAreAwsWithTheDefaultCredentialChainAndATwoSecondHead() {
        S3StoreSettings settings = S3StoreSettings.aws();

        assertThat(settings.endpointOverride()).isNull();
        assertThat(settings.hasStaticCredentials()).isFalse();
        assertThat(settings.headTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.region()).isEqualTo("us-east-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 5_001, 0})
    void headTimeoutOutsideOneToFiveSecondsIsRejected(int millis) {
        assertThatThrownBy(() -> S3StoreSettings.aws().withHeadTimeout(Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 5 seconds");
    }

    @Test
    void halfAKeyPairIsRejected() {
        assertThatThrownBy(() -> S3StoreSettings.aws().withStaticCredentials("key", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descriptionNeverShowsTheSecret() {
        S3StoreSettings settings = S3StoreSettings.s3Compatible(URI.create("http://127.0.0.1:9000"), "key", "top-secret-value");

        assertThat(settings.toString()).doesNotContain("top-secret-value").contains("static", "pathStyleAccess=true");
    }
}
