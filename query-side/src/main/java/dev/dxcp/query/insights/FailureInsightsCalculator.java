package dev.dxcp.query.insights;

import dev.dxcp.events.deployment.FailureCategory;
import dev.dxcp.events.insights.InsightsQueries.FailureInsights;

import java.util.List;

/** domain §10 over the records of the window, visited newest first (history order). */
final class FailureInsightsCalculator {
    private FailureInsightsCalculator() {
    }

    static FailureInsights of(List<InsightRow> newestFirst) {
        long deployments = 0;
        long rollbacks = 0;
        KeyCounter categories = new KeyCounter();
        KeyCounter recipes = new KeyCounter();
        KeyCounter groups = new KeyCounter();
        for (InsightRow row : newestFirst) {
            if (row.isRollback()) {
                rollbacks++;
            } else {
                deployments++;
            }
            row.failureCategories().forEach(c -> categories.add(FailureCategory.normalize(c).name()));
            recipes.add(row.recipeId() == null ? "unknown" : row.recipeId());
            groups.add(row.groupId() == null ? "unknown" : row.groupId());
        }
        double rate = deployments == 0 ? 0.0 : round4((double) rollbacks / deployments);
        return new FailureInsights(deployments, rollbacks, rate, categories.sorted(), recipes.sorted(),
                groups.sorted());
    }

    static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
