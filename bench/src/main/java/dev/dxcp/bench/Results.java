package dev.dxcp.bench;

import dev.dxcp.bench.load.LatencySummary;
import dev.dxcp.bench.load.PhaseResult;
import dev.dxcp.bench.phase.InsertCeiling.Ceiling;
import dev.dxcp.bench.phase.ProjectionCatchUp.CatchUp;
import dev.dxcp.bench.phase.RebuildPhase.Rebuild;
import dev.dxcp.bench.report.MachineFacts;
import dev.dxcp.bench.seed.HistorySeeder.Seeded;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything one run measured, and what it was measured on; filled in phase by phase. */
final class Results {
    RunProfile profile;
    Instant startedAt;
    Duration took;
    String command;
    MachineFacts machine;
    String loadBefore;
    String loadAfter;
    String postgresVersion;
    String postgresSettings;
    List<String> serverJvmFlags;
    String serverSettingsNote;
    int liveGroups;
    int historyServices;

    Seeded seeded;
    CatchUp catchUp;
    long storeEvents;
    long seededRecordsVisible;
    String seedFidelity;

    PhaseResult registrationsSingle;
    PhaseResult registrationsConcurrent;
    LatencySummary visibleAfter201;
    LatencySummary visibleAfterStored;
    long lagProbed;
    long visibleOnFirstRead;

    PhaseResult embeddedRegistrationsSingle;
    PhaseResult embeddedRegistrationsConcurrent;

    PhaseResult deploys;
    LatencySummary toSucceeded;
    Map<String, Long> deployEndStates;
    Map<String, Long> deployFinalStates;
    Duration deployDrain;
    int followedUnfinished;

    PhaseResult readById;
    PhaseResult readByService;
    PhaseResult readDeliveryStatus;

    Rebuild rebuild;

    long restResidentKib = -1;
    long peakResidentKib = -1;

    Ceiling ceilingSingle;
    Ceiling ceilingConcurrent;
}
