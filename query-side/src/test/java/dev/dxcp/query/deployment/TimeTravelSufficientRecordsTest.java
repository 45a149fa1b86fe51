package dev.dxcp.query.deployment;

import dev.dxcp.events.deployment.DeploymentRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader folds only the records {@link SufficientRecords} picks. For any history and moment, the
 * answers built from that pick equal the answers built from the whole scope: every record's displayed
 * fields, and each scope's latest record and running state.
 */
class TimeTravelSufficientRecordsTest {
    private static final int HISTORIES = 500;

    @Test
    void answersFromThePickedRecordsEqualAnswersFromTheWholeHistory() {
        for (int seed = 0; seed < HISTORIES; seed++) {
            Random random = new Random(seed);
            List<Object> all = RandomHistories.generate(random);
            Instant asOf = RandomHistories.someMoment(random, all);
            DeploymentFold whole = new DeploymentFold();
            RandomHistories.upTo(all, asOf).forEach(whole::apply);
            ScopeHistory full = whole.history();
            String context = "seed " + seed + " as of " + asOf;

            for (String[] scope : RandomHistories.SCOPES) {
                List<ScopeEntry> entries = entries(full, scope);
                if (entries.isEmpty()) {
                    continue;
                }
                ScopeHistory picked = new ScopeHistory(SufficientRecords.select(entries, entries.get(0).id(),
                        whole::folded));
                assertThat(picked.latest(scope[0], scope[1])).as(context).isEqualTo(full.latest(scope[0], scope[1]));
                assertThat(picked.running(scope[0], scope[1])).as(context)
                        .isEqualTo(full.running(scope[0], scope[1]));
                for (ScopeEntry target : entries) {
                    ScopeHistory forTarget = new ScopeHistory(SufficientRecords.select(entries, target.id(),
                            whole::folded));
                    assertThat(forTarget.find(target.id())).as(context).isEqualTo(full.find(target.id()));
                }
            }
        }
    }

    @Test
    void theWalkStopsAtTheLatestSuccessInsteadOfReadingTheWholeScope() {
        int readLess = 0;
        for (int seed = 0; seed < HISTORIES; seed++) {
            List<Object> all = RandomHistories.generate(new Random(seed));
            DeploymentFold whole = new DeploymentFold();
            all.forEach(whole::apply);
            for (String[] scope : RandomHistories.SCOPES) {
                List<ScopeEntry> entries = entries(whole.history(), scope);
                if (entries.isEmpty()) {
                    continue;
                }
                Set<String> loaded = ConcurrentHashMap.newKeySet();
                Function<String, Optional<FoldedDeployment>> load = id -> {
                    loaded.add(id);
                    return whole.folded(id);
                };
                SufficientRecords.select(entries, entries.get(0).id(), load);
                assertThat(loaded.size()).isLessThanOrEqualTo(entries.size());
                if (loaded.size() < entries.size()) {
                    readLess++;
                }
            }
        }
        assertThat(readLess).as("scopes answered without reading every record").isGreaterThan(HISTORIES / 10);
    }

    private static List<ScopeEntry> entries(ScopeHistory history, String[] scope) {
        List<ScopeEntry> entries = new ArrayList<>();
        for (DeploymentRecord r : history.records()) {
            if (r.service().equals(scope[0]) && r.environment().equals(scope[1])) {
                entries.add(new ScopeEntry(r.id(), r.createdAt(), r.rollbackOf()));
            }
        }
        return entries;
    }
}
