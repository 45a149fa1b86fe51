package dev.dxcp.server.identity;

import dev.dxcp.events.settings.CiPublisher;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The CI publisher gate of governance §3: an entry matches when every non-empty constraint holds;
 * among several matches the most constrained wins, ties go to the lexicographically smallest name.
 */
public final class CiPublisherMatcher {
    private CiPublisherMatcher() {
    }

    public static Optional<CiPublisher> match(Caller caller, List<CiPublisher> allowlist) {
        if (caller.role() != Role.CI_PUBLISHER) {
            return Optional.empty();
        }
        return allowlist.stream()
                .filter(entry -> matches(entry, caller))
                .min(Comparator.comparingInt(CiPublisher::constraintCount).reversed()
                        .thenComparing(CiPublisher::name));
    }

    static boolean matches(CiPublisher entry, Caller caller) {
        String email = caller.email() != null ? caller.email() : caller.customEmail();
        return holds(entry.issuers(), caller.issuer())
                && (clean(entry.audiences()).isEmpty()
                || caller.audiences().stream().anyMatch(clean(entry.audiences())::contains))
                && holds(entry.authorizedPartyAzp(), caller.azp())
                && holds(entry.subjects(), caller.sub())
                && (clean(entry.subjectPrefixes()).isEmpty() || caller.sub() != null
                && clean(entry.subjectPrefixes()).stream().anyMatch(caller.sub()::startsWith))
                && holds(entry.emails(), email);
    }

    private static boolean holds(List<String> allowed, String actual) {
        List<String> values = clean(allowed);
        return values.isEmpty() || actual != null && values.contains(actual);
    }

    /** List values are trimmed and blanks dropped (governance §3). */
    private static List<String> clean(List<String> values) {
        return values.stream().map(String::trim).filter(value -> !value.isEmpty()).toList();
    }
}
