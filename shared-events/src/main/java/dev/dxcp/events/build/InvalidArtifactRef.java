package dev.dxcp.events.build;

/**
 * An artifactRef that breaks one of the rules of domain §12. The server maps it to
 * 400 INVALID_ARTIFACT; the message names the broken rule so a CI author can fix the call.
 */
public final class InvalidArtifactRef extends IllegalArgumentException {

    /** The rules, in the order they are checked. */
    public enum Rule {
        NON_EMPTY_STRING("artifactRef must be a non-empty string"),
        URI_WITH_SCHEME("artifactRef must be a URI with scheme (scheme://location)"),
        NO_CONTROL_CHARACTERS("artifactRef must not contain control characters"),
        SCHEME_NOT_ALLOWED("artifactRef scheme not allowed"),
        BUCKET_AND_KEY_REQUIRED("artifactRef s3 bucket and key required (s3://bucket/key)"),
        NO_EMPTY_SEGMENTS("artifactRef s3 key must not contain empty path segments ('//' or a trailing '/')"),
        NO_DOT_SEGMENTS("artifactRef must not contain '.' or '..' path segments");

        private final String message;

        Rule(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Rule rule;

    public InvalidArtifactRef(Rule rule) {
        super(rule.message());
        this.rule = rule;
    }

    public Rule rule() {
        return rule;
    }
}
