package dev.dxcp.server.http.build;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The characters a provenance value may use (docs/DECISIONS.md §28). Each set is wide enough for what
 * CI systems actually produce — short or full shas, {@code release/1.2}, Jenkins job paths, GitHub's
 * {@code dependabot[bot]}, SSH and HTTPS repository addresses, display names as actors — and excludes
 * quotes, semicolons, braces, angle brackets, {@code $} and {@code ..} path segments, which no real value
 * of these fields needs and which only ever arrive as injection attempts. A field without an entry is
 * free text (length and {@link dev.dxcp.server.http.TextRules} still apply).
 */
final class ProvenanceShapes {
    private static final String NO_DOT_SEGMENTS = "(?!.*\\.\\.)";
    private static final Map<String, Pattern> SHAPES = Map.of(
            "git_sha", Pattern.compile("[A-Za-z0-9._-]+"),
            "git_branch", Pattern.compile(NO_DOT_SEGMENTS + "(?!.*@\\{)(?!.*//)[A-Za-z0-9._/+@#=,-]+"),
            "ci_provider", Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]*"),
            "ci_run_id", Pattern.compile(NO_DOT_SEGMENTS + "[A-Za-z0-9._:/#+=@-]+"),
            "repo", Pattern.compile(NO_DOT_SEGMENTS + "[A-Za-z0-9._:/@+~-]+"),
            "actor", Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._@+'\\[\\]-]*"),
            "checksum_sha256", Pattern.compile("[A-Za-z0-9:+/=_-]+"),
            "sha256", Pattern.compile("[A-Za-z0-9:+/=_-]+"));

    private ProvenanceShapes() {
    }

    static boolean fits(String field, String value) {
        Pattern shape = SHAPES.get(field);
        return shape == null || shape.matcher(value).matches();
    }
}
