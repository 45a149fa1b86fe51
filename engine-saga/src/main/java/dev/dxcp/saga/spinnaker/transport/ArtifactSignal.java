package dev.dxcp.saga.spinnaker.transport;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises an engine error that explicitly says the build artifact is missing or access to it is
 * denied (domain-and-state §16 → 409 ARTIFACT_NOT_FOUND). Only explicit artifact wording counts:
 * Gate's trigger 404 means <em>pipeline configuration</em> not found, never artifact not found
 * (spinnaker-gate §2.2), and ids or URLs in the message (a pipeline called {@code deploy-artifact}, a
 * bucket called {@code artifacts}) must not count either, so parenthesised ids and URLs are removed first.
 */
final class ArtifactSignal {

    private static final Pattern URLS = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://\\S+");
    private static final Pattern PARENTHESISED = Pattern.compile("\\([^()]*\\)");
    private static final Pattern EXPLICIT = Pattern.compile(
            "\\bartifacts?\\b[^.:;]{0,80}?\\b(not found|missing|could not be (resolved|found|bound)|does not exist"
                    + "|is not available|not available|access denied|denied|expired)"
                    + "|\\bno artifact (could|with|found)"
                    + "|\\b(access denied|not found|missing)\\b[^.:;]{0,20}\\bartifact\\b"
                    + "|\\bartifact_(not_found|missing|access_denied|denied)\\b");

    private ArtifactSignal() {
    }

    static boolean presentIn(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        String cleaned = URLS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ");
        String previous;
        do {
            previous = cleaned;
            cleaned = PARENTHESISED.matcher(cleaned).replaceAll(" ");
        } while (!cleaned.equals(previous));
        // A pipeline config not found, or a missing parameter called artifactRef, is not a missing artifact.
        if (cleaned.contains("pipeline configuration not found") || cleaned.contains("pipeline config not found")
                || cleaned.contains("required parameter")) {
            return false;
        }
        return EXPLICIT.matcher(cleaned).find();
    }
}
