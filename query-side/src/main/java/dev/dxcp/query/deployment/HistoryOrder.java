package dev.dxcp.query.deployment;

import java.time.Instant;
import java.util.Comparator;
import java.util.function.Function;

/**
 * History order (domain §7): createdAt descending, then id descending. One definition for the SQL
 * read model, the projection's running row and the in-memory time-travel fold, so the "latest" and
 * "latest success" they pick can never disagree.
 */
public final class HistoryOrder {
    /** The same order as SQL, for a table aliased {@code d}. */
    public static final String SQL = " ORDER BY d.created_at DESC, d.id DESC";

    private HistoryOrder() {
    }

    /** True when (createdAt, id) comes before (otherCreatedAt, otherId) in history order. */
    public static boolean isNewer(Instant createdAt, String id, Instant otherCreatedAt, String otherId) {
        int order = createdAt.compareTo(otherCreatedAt);
        return order > 0 || order == 0 && id.compareTo(otherId) > 0;
    }

    /** Newest first. */
    public static <T> Comparator<T> newestFirst(Function<T, Instant> createdAt, Function<T, String> id) {
        return Comparator.comparing(createdAt).thenComparing(id).reversed();
    }
}
