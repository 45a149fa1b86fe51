package dev.dxcp.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {
    private final RetrySchedule schedule = new RetrySchedule(6, Duration.ofSeconds(10), Duration.ofSeconds(60));

    @Test
    void pausesDoubleFromTheFirstRetry_upToTheLongestPause() {
        assertThat(schedule.pauseAfter(1)).contains(Duration.ofSeconds(10));
        assertThat(schedule.pauseAfter(2)).contains(Duration.ofSeconds(20));
        assertThat(schedule.pauseAfter(3)).contains(Duration.ofSeconds(40));
        assertThat(schedule.pauseAfter(4)).contains(Duration.ofSeconds(60));
        assertThat(schedule.pauseAfter(5)).contains(Duration.ofSeconds(60));
    }

    @Test
    void afterTheLastAttemptThereIsNoNextOne() {
        assertThat(schedule.pauseAfter(6)).isEqualTo(Optional.empty());
        assertThat(new RetrySchedule(1, Duration.ofSeconds(1), Duration.ofSeconds(1)).pauseAfter(1)).isEmpty();
    }

    @Test
    void manyAttemptsNeverOverflowPastTheLongestPause() {
        RetrySchedule long_ = new RetrySchedule(100, Duration.ofDays(1), Duration.ofDays(2));
        assertThat(long_.pauseAfter(70)).contains(Duration.ofDays(2));
    }
}
