package dev.dxcp.events.settings;

import java.util.List;

/**
 * One entry of the CI publisher allowlist (governance §3, api-contract §11). Every non-empty
 * constraint list must hold for a token to match; an entry with none matches every CI token.
 */
public record CiPublisher(String name, String provider, List<String> issuers, List<String> audiences,
                          List<String> authorizedPartyAzp, List<String> subjects, List<String> subjectPrefixes,
                          List<String> emails, List<String> links, String description, String owner) {

    public CiPublisher {
        issuers = copy(issuers);
        audiences = copy(audiences);
        authorizedPartyAzp = copy(authorizedPartyAzp);
        subjects = copy(subjects);
        subjectPrefixes = copy(subjectPrefixes);
        emails = copy(emails);
        links = copy(links);
    }

    /** A bootstrap string {@code s} means an entry named s that matches subject s. */
    public static CiPublisher forSubject(String subject) {
        return new CiPublisher(subject, "custom", null, null, null, List.of(subject), null, null, null, null, null);
    }

    /** How specific the entry is: several matches resolve to the most constrained one. */
    public int constraintCount() {
        int count = 0;
        for (List<String> list : List.of(issuers, audiences, authorizedPartyAzp, subjects, subjectPrefixes, emails)) {
            if (!list.isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
