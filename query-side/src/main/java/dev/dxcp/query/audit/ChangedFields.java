package dev.dxcp.query.audit;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Names the fields an admin update changed, for the ADMIN_UPDATE summary. Bookkeeping fields
 * (who/when, revision, change reason) change on every update and would only hide the real change.
 */
final class ChangedFields {
    private static final Set<String> BOOKKEEPING = Set.of("createdAt", "createdBy", "updatedAt", "updatedBy",
            "lastChangeReason", "revision");

    private ChangedFields() {
    }

    /** Wire (snake_case) names of the record components that differ, in declaration order. */
    static List<String> between(Record before, Record after) {
        List<String> changed = new ArrayList<>();
        if (before == null || after == null || before.getClass() != after.getClass()) {
            return changed;
        }
        for (RecordComponent component : after.getClass().getRecordComponents()) {
            if (BOOKKEEPING.contains(component.getName())) {
                continue;
            }
            if (!Objects.equals(value(component, before), value(component, after))) {
                changed.add(snakeCase(component.getName()));
            }
        }
        return changed;
    }

    private static Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
