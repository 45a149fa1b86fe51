package dev.dxcp.command.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The aggregate cache's own rules (decision 157); its use by Axon is covered across two instances end to end. */
class RecentAggregatesTest {

    @Test
    void theLeastRecentlyUsedAggregateLeavesWhenTheCacheIsFull() {
        RecentAggregates cache = new RecentAggregates(2);
        cache.put("quota-a", "A");
        cache.put("quota-b", "B");
        assertThat((Object) cache.get("quota-a")).isEqualTo("A");
        cache.put("quota-c", "C");

        assertThat(cache.containsKey("quota-b")).as("least recently used").isFalse();
        assertThat(cache.containsKey("quota-a")).isTrue();
        assertThat(cache.containsKey("quota-c")).isTrue();
    }

    @Test
    void anAggregateChangedOnAnotherInstanceIsForgottenAndALoadThatBeganBeforeCannotPutItBack() {
        RecentAggregates cache = new RecentAggregates(16);
        cache.put("lane-1", "members: []");

        cache.changedElsewhere("lane-1");
        assertThat(cache.containsKey("lane-1")).isFalse();
        cache.put("lane-1", "members: [] (loaded before the other instance appended)");
        assertThat(cache.putIfAbsent("lane-1", "members: []")).isFalse();

        assertThat(cache.containsKey("lane-1")).isFalse();
        cache.put("lane-2", "untouched");
        assertThat(cache.containsKey("lane-2")).as("other aggregates are cached as before").isTrue();
    }
}
