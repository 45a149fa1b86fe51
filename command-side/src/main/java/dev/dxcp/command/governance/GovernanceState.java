package dev.dxcp.command.governance;

import dev.dxcp.events.governance.ApprovalPolicy;
import dev.dxcp.events.governance.AutoRollbackPolicy;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.AutoRollbackPolicyRemoved;
import dev.dxcp.events.governance.FreezeWindow;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyDeclared;
import dev.dxcp.events.governance.GovernanceMessages.ApprovalPolicyRemoved;
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
public record GovernanceState(boolean seeded, Boolean ownerScopedChanges, Map<String, FreezeWindow> windows,
                              Map<String, ApprovalPolicy> policies, Map<String, AutoRollbackPolicy> rollbackPolicies) {
    public static final GovernanceState EMPTY = new GovernanceState(false, null, Map.of(), Map.of(), Map.of());

    public GovernanceState {
        windows = windows == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(windows));
        policies = policies == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(policies));
        rollbackPolicies = rollbackPolicies == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(rollbackPolicies));
    }

    private GovernanceState(boolean seeded, Boolean ownerScopedChanges, Map<String, FreezeWindow> windows,
                            Map<String, ApprovalPolicy> policies, GovernanceState rest) {
        this(seeded, ownerScopedChanges, windows, policies, rest.rollbackPolicies);
    }

    public GovernanceState apply(Object event) {
        if (event instanceof ChangeGovernanceSeeded) {
            return new GovernanceState(true, ownerScopedChanges, windows, policies, this);
        }
        if (event instanceof OwnerScopedChangesSet e) {
            return new GovernanceState(seeded, e.newValue(), windows, policies, this);
        }
        if (event instanceof FreezeWindowDeclared e) {
            Map<String, FreezeWindow> next = new LinkedHashMap<>(windows);
            next.put(e.window().id(), e.window());
            return new GovernanceState(seeded, ownerScopedChanges, next, policies, this);
        }
        if (event instanceof FreezeWindowRemoved e) {
            Map<String, FreezeWindow> next = new LinkedHashMap<>(windows);
            next.remove(e.window().id());
            return new GovernanceState(seeded, ownerScopedChanges, next, policies, this);
        }
        if (event instanceof ApprovalPolicyDeclared e) {
            Map<String, ApprovalPolicy> next = new LinkedHashMap<>(policies);
            next.put(e.policy().id(), e.policy());
            return new GovernanceState(seeded, ownerScopedChanges, windows, next, this);
        }
        if (event instanceof ApprovalPolicyRemoved e) {
            Map<String, ApprovalPolicy> next = new LinkedHashMap<>(policies);
            next.remove(e.policy().id());
            return new GovernanceState(seeded, ownerScopedChanges, windows, next, this);
        }
        if (event instanceof AutoRollbackPolicyDeclared e) {
            Map<String, AutoRollbackPolicy> next = new LinkedHashMap<>(rollbackPolicies);
            next.put(e.policy().id(), e.policy());
            return new GovernanceState(seeded, ownerScopedChanges, windows, policies, next);
        }
        if (event instanceof AutoRollbackPolicyRemoved e) {
            Map<String, AutoRollbackPolicy> next = new LinkedHashMap<>(rollbackPolicies);
            next.remove(e.policy().id());
            return new GovernanceState(seeded, ownerScopedChanges, windows, policies, next);
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

    public Optional<ApprovalPolicy> approvalPolicy(String id) {
        return Optional.ofNullable(id == null ? null : policies.get(id));
    }

    public List<ApprovalPolicy> approvalPolicies() {
        return List.copyOf(policies.values());
    }

    public Optional<AutoRollbackPolicy> autoRollbackPolicy(String id) {
        return Optional.ofNullable(id == null ? null : rollbackPolicies.get(id));
    }

    public List<AutoRollbackPolicy> autoRollbackPolicies() {
        return List.copyOf(rollbackPolicies.values());
    }

    /**
     * The automatic rollback policy covering a deployment, the most specific first (environment and recipe
     * named beat "any"; ties by id), or empty.
     */
    public Optional<AutoRollbackPolicy> autoRollbackFor(String groupId, String environment, String recipeId) {
        return rollbackPolicies.values().stream().filter(p -> p.covers(groupId, environment, recipeId))
                .min(java.util.Comparator.comparingInt((AutoRollbackPolicy p) ->
                                (p.environment() == null ? 1 : 0) + (p.recipeId() == null ? 1 : 0))
                        .thenComparing(AutoRollbackPolicy::id));
    }
}
