package dev.dxcp.events.build;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validated artifact reference, {@code scheme://location} (domain §12).
 * For {@code s3} the location is {@code bucket/key}, split at the first {@code /}.
 *
 * @param value    the trimmed reference as given
 * @param scheme   the scheme, lower-case
 * @param location everything after {@code ://}
 */
public record ArtifactRef(String value, String scheme, String location) {

    public static final String S3 = "s3";
    public static final Set<String> DEFAULT_ALLOWED_SCHEMES = Set.of(S3);

    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");
    private static final String SEPARATOR = "://";

    public ArtifactRef {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(location, "location");
    }

    /** Parses with the default allowed schemes ({@code s3} only). */
    public static ArtifactRef parse(String raw) {
        return parse(raw, DEFAULT_ALLOWED_SCHEMES);
    }

    /**
     * Parses {@code raw}, checking the rules in the order of {@link InvalidArtifactRef.Rule}.
     *
     * @param allowedSchemes the "allowed schemes" setting; compared case-insensitively
     * @throws InvalidArtifactRef naming the first rule that is broken
     */
    public static ArtifactRef parse(String raw, Set<String> allowedSchemes) {
        String value = raw == null ? "" : raw.trim();
        if (value.isEmpty()) {
            throw new InvalidArtifactRef(InvalidArtifactRef.Rule.NON_EMPTY_STRING);
        }
        int separator = value.indexOf(SEPARATOR);
        if (separator <= 0 || !SCHEME.matcher(value.substring(0, separator)).matches()
                || separator + SEPARATOR.length() == value.length()) {
            throw new InvalidArtifactRef(InvalidArtifactRef.Rule.URI_WITH_SCHEME);
        }
        // Refs travel into engine parameters, logs and UI; a NUL or line break has no business there.
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidArtifactRef(InvalidArtifactRef.Rule.NO_CONTROL_CHARACTERS);
        }
        String scheme = value.substring(0, separator).toLowerCase(Locale.ROOT);
        if (!isAllowed(scheme, allowedSchemes)) {
            throw new InvalidArtifactRef(InvalidArtifactRef.Rule.SCHEME_NOT_ALLOWED);
        }
        String location = value.substring(separator + SEPARATOR.length());
        if (S3.equals(scheme)) {
            int slash = location.indexOf('/');
            if (slash <= 0 || slash == location.length() - 1) {
                throw new InvalidArtifactRef(InvalidArtifactRef.Rule.BUCKET_AND_KEY_REQUIRED);
            }
            // S3 takes "a//b" as a key of its own, but stores and tools normalize slashes differently, so
            // such a ref may name no object, or another one; a registered artifact names exactly one.
            String key = location.substring(slash + 1);
            if (key.startsWith("/") || key.endsWith("/") || key.contains("//")) {
                throw new InvalidArtifactRef(InvalidArtifactRef.Rule.NO_EMPTY_SEGMENTS);
            }
        }
        // S3 keys are literal, but the engine may hand the key to tools that resolve paths;
        // a ref must name one object, not walk out of a prefix.
        if (hasDotSegment(location)) {
            throw new InvalidArtifactRef(InvalidArtifactRef.Rule.NO_DOT_SEGMENTS);
        }
        return new ArtifactRef(value, scheme, location);
    }

    /** The bucket of an {@code s3} reference. */
    public String bucket() {
        return location.substring(0, s3Slash());
    }

    /** The object key of an {@code s3} reference. */
    public String key() {
        return location.substring(s3Slash() + 1);
    }

    /** The canonical reference of an S3 object, as the versions scan reports it (domain §11). */
    public static String s3(String bucket, String key) {
        return S3 + SEPARATOR + bucket + "/" + key;
    }

    private int s3Slash() {
        if (!S3.equals(scheme)) {
            throw new IllegalStateException("bucket and key exist only for s3 references, not " + scheme);
        }
        return location.indexOf('/');
    }

    private static boolean isAllowed(String scheme, Set<String> allowedSchemes) {
        return allowedSchemes.stream().anyMatch(allowed -> allowed.trim().equalsIgnoreCase(scheme));
    }

    private static boolean hasDotSegment(String location) {
        for (String segment : location.replace('\\', '/').split("/", -1)) {
            // Percent-encoded dots are what a decoding consumer would see as traversal.
            String decoded = segment.replaceAll("(?i)%2e", ".");
            if (decoded.equals(".") || decoded.equals("..")) {
                return true;
            }
        }
        return false;
    }
}
