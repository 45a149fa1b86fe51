package dev.dxcp.server.http.build;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Real CI values fit their field's shape; injection attempts do not. */
class ProvenanceShapesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "git_sha|0123456789abcdef0123456789abcdef01234567",
            "git_sha|abc123",
            "git_branch|main",
            "git_branch|release/1.2",
            "git_branch|feature/JIRA-123_fix+docs",
            "git_branch|refs/heads/dependabot/maven/org.postgresql-42.7.4",
            "ci_provider|github",
            "ci_provider|GitLab CI",
            "ci_run_id|9876543210",
            "ci_run_id|9876543210/2",
            "ci_run_id|job/payments/build#42",
            "ci_run_id|018f8e6c-3c4b-7c9e-b1f0-6a1d2f3e4b5c",
            "repo|acme/payments",
            "repo|https://github.com/acme/payments.git",
            "repo|git@github.com:acme/payments.git",
            "actor|octocat",
            "actor|dependabot[bot]",
            "actor|jane.doe@example.com",
            "actor|Zoë O'Brien",
            "checksum_sha256|sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            "sha256|9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})
    void realValuesFit(String field, String value) {
        assertThat(ProvenanceShapes.fits(field, value)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "git_sha|'; DROP TABLE domainevententry; --",
            "git_sha|abc 123",
            "git_branch|../../etc/passwd",
            "git_branch|main@{1}",
            "git_branch|<script>alert(1)</script>",
            "ci_provider|${jndi:ldap://x/y}",
            "ci_run_id|../secrets",
            "ci_run_id|1 OR 1=1",
            "repo|{\"$ne\":null}",
            "repo|acme/../other",
            "actor|\" OR 1=1 --",
            "actor|../../etc/passwd",
            "checksum_sha256|abc; rm -rf /"})
    void injectionsDoNot(String field, String value) {
        assertThat(ProvenanceShapes.fits(field, value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"contentType|application/zip; charset=\"x\"", "s3Key|any thing/at all"})
    void fieldsWithoutShapeAreFreeText(String field, String value) {
        assertThat(ProvenanceShapes.fits(field, value)).isTrue();
    }
}
