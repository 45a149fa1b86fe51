package dev.dxcp.bench.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The services and delivery groups of a run. Live groups (one service each) take the measured
 * registrations and deploys, so concurrent deploys land in different lanes; history groups hold the
 * seeded past, which the read phase reads. The two never share a lane, so seeded lane streams and live
 * ones never interleave.
 */
public record Topology(List<Group> live, List<Group> history) {
    public static final String ENVIRONMENT = "sandbox";
    public static final String LIVE_PREFIX = "bench-live-";
    public static final String HISTORY_PREFIX = "bench-hist-";

    public record Group(String id, List<String> services) {
    }

    public static Topology of(int liveGroups, int historyGroups, int servicesPerHistoryGroup) {
        List<Group> live = new ArrayList<>();
        for (int g = 1; g <= liveGroups; g++) {
            live.add(new Group(id(LIVE_PREFIX, g), List.of(id("live-svc-", g))));
        }
        List<Group> history = new ArrayList<>();
        int service = 1;
        for (int g = 1; g <= historyGroups; g++) {
            List<String> services = new ArrayList<>();
            for (int s = 0; s < servicesPerHistoryGroup; s++) {
                services.add(id("hist-svc-", service++));
            }
            history.add(new Group(id(HISTORY_PREFIX, g), services));
        }
        return new Topology(List.copyOf(live), List.copyOf(history));
    }

    private static String id(String prefix, int n) {
        return prefix + String.format(Locale.ROOT, "%03d", n);
    }

    public List<String> liveServices() {
        return live.stream().flatMap(g -> g.services().stream()).toList();
    }

    public List<String> historyServices() {
        return history.stream().flatMap(g -> g.services().stream()).toList();
    }

    public List<Group> allGroups() {
        List<Group> all = new ArrayList<>(live);
        all.addAll(history);
        return all;
    }
}
