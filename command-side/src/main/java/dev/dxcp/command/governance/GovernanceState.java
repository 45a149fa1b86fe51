package dev.dxcp.command.governance;

import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.ChangeGovernanceSeeded;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowDeclared;
import dev.dxcp.events.governance.GovernanceMessages.FreezeWindowRemoved;
import dev.dxcp.events.governance.GovernanceMessages.OwnerScopedChangesSet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Change governance folded from its events; the aggregate and the per-request view share this fold.
 * {@code ownerScopedChanges} null: never set, which an installation older than the setting reads as off.
 */
public record GovernanceState(boolean seeded, Boolean ownerScopedChanges, Map<String, FreezeWindow> windows) {
    public static final GovernanceState EMPTY = new GovernanceState(false, null, Map.of());

    public GovernanceState {
        windows = windows == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    }

    public GovernanceState apply(Object event) {
        if (event instanceof ChangeGovernanceSeeded) {
            return new GovernanceState(true, ownerScopedChanges, windows);
        }
        if (event instanceof OwnerScopedChangesSet e) {
            return new GovernanceState(seeded, e.newValue(), windows);
        }
        if (event instanceof FreezeWindowDeclared e) {
            Map<String, FreezeWindow> next = new LinkedHashMap<>(windows);
            next.put(e.window().id(), e.window());
            return new GovernanceState(seeded, ownerScopedChanges, next);
        }
        if (event instanceof FreezeWindowRemoved e) {
            Map<String, FreezeWindow> next = new LinkedHashMap<>(windows);
            next.remove(e.window().id());
            return new GovernanceState(seeded, ownerScopedChanges, next);
        }
        return this;
    }

    public boolean ownerScoped() {
        return Boolean.TRUE.equals(ownerScopedChanges);
    }

    public Optional<FreezeWindow> window(String id) {
        return Optional.ofNullable(id == null ? null : windows.get(id));
    }

    public List<FreezeWindow> freezeWindows() {
        return List.copyOf(windows.values());
    }
}
