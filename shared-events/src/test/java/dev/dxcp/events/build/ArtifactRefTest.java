package dev.dxcp.events.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import dev.dxcp.events.build.InvalidArtifactRef.Rule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ArtifactRefTest {

    @Test
    void s3RefIsTrimmedAndSplitIntoBucketAndKeyAtTheFirstSlash() {
        ArtifactRef ref = ArtifactRef.parse("  s3://dxcp-artifacts/demo-service/demo-service-1.2.0.zip \n");

        assertThat(ref.value()).isEqualTo("s3://dxcp-artifacts/demo-service/demo-service-1.2.0.zip");
        assertThat(ref.scheme()).isEqualTo("s3");
        assertThat(ref.bucket()).isEqualTo("dxcp-artifacts");
        assertThat(ref.key()).isEqualTo("demo-service/demo-service-1.2.0.zip");
    }

    @Test
    void schemeIsComparedLowerCase() {
        ArtifactRef ref = ArtifactRef.parse("S3://bucket/key.zip");

        assertThat(ref.scheme()).isEqualTo("s3");
        assertThat(ref.bucket()).isEqualTo("bucket");
    }

    @Test
    void otherSchemesPassOnlyWhenTheSettingAllowsThem() {
        assertThatThrownBy(() -> ArtifactRef.parse("gcs://bucket/key.zip"))
                .isInstanceOfSatisfying(InvalidArtifactRef.class, e -> assertThat(e.rule()).isEqualTo(Rule.SCHEME_NOT_ALLOWED));

        ArtifactRef ref = ArtifactRef.parse("GCS://bucket/key.zip", Set.of("s3", "gcs"));

        assertThat(ref.scheme()).isEqualTo("gcs");
        assertThat(ref.location()).isEqualTo("bucket/key.zip");
        assertThatThrownBy(ref::bucket).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n"})
    void absentOrBlankRefBreaksTheNonEmptyStringRule(String raw) {
        assertBreaks(raw, Rule.NON_EMPTY_STRING, "non-empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "bucket/key.zip",
            "s3:/bucket/key.zip",
            "s3:bucket/key.zip",
            "://bucket/key.zip",
            "3s://bucket/key.zip",
            "s 3://bucket/key.zip",
            "s3://",
            "javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "<script>alert(1)</script>"})
    void refWithoutSchemeAndLocationBreaksTheUriWithSchemeRule(String raw) {
        assertBreaks(raw, Rule.URI_WITH_SCHEME, "URI with scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "file:///etc/passwd",
            "http://evil.example/artifact.zip",
            "https://bucket.s3.amazonaws.com/key.zip",
            "s3a://bucket/key.zip",
            "javascript://%0aalert(1)"})
    void schemeOutsideTheAllowedSetBreaksTheSchemeRule(String raw) {
        assertBreaks(raw, Rule.SCHEME_NOT_ALLOWED, "scheme not allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bucket", "s3://bucket/", "s3:///key.zip", "s3:////key.zip"})
    void s3RefWithoutBothBucketAndKeyBreaksTheBucketAndKeyRule(String raw) {
        assertBreaks(raw, Rule.BUCKET_AND_KEY_REQUIRED, "bucket and key required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://dxcp-artifacts//demo-service/demo-service-1.0.0.zip", "s3://bucket/a//b.zip",
            "s3://bucket/dir/", "s3://bucket///key.zip"})
    void emptyKeySegmentsAreRejected(String raw) {
        assertBreaks(raw, Rule.NO_EMPTY_SEGMENTS, "empty path segments");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "s3://bucket/../other-bucket/key.zip",
            "s3://bucket/svc/../../etc/passwd",
            "s3://../key.zip",
            "s3://bucket/./key.zip",
            "s3://bucket/svc/..",
            "s3://bucket/%2e%2e/key.zip",
            "s3://bucket/%2E./key.zip",
            "s3://bucket/svc\\..\\key.zip"})
    void dotSegmentsAreRejected(String raw) {
        assertBreaks(raw, Rule.NO_DOT_SEGMENTS, "'..'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3://bucket/key\n.zip", "s3://bucket/key\u0000.zip", "s3://bucket/key\r\nX-Injected: 1"})
    void controlCharactersInsideTheRefAreRejected(String raw) {
        assertBreaks(raw, Rule.NO_CONTROL_CHARACTERS, "control characters");
    }

    @ParameterizedTest
    @CsvSource({
            "s3://bucket/dir/file..zip, dir/file..zip",
            "s3://bucket/.hidden/a.zip, .hidden/a.zip"})
    void dotsThatAreNotWholeSegmentsAreOrdinaryKeyCharacters(String raw, String key) {
        assertThat(ArtifactRef.parse(raw).key()).isEqualTo(key);
    }

    @Test
    void canonicalS3RefIsSchemeBucketAndKey() {
        assertThat(ArtifactRef.s3("b", "svc/svc-1.0.0.zip")).isEqualTo("s3://b/svc/svc-1.0.0.zip");
    }

    private static void assertBreaks(String raw, Rule rule, String messagePart) {
        assertThatThrownBy(() -> ArtifactRef.parse(raw))
                .isInstanceOfSatisfying(InvalidArtifactRef.class, e -> assertThat(e.rule()).isEqualTo(rule))
                .hasMessageContaining(messagePart);
    }
}
