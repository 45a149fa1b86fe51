package dev.dxcp.gatesim.orca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationWordsTest {

    @Test
    void spellsDurationsLikeOrcasTimeoutMessages() {
        assertThat(DurationWords.of(304_000)).isEqualTo("5 minutes 4 seconds");
        assertThat(DurationWords.of(300_000)).isEqualTo("5 minutes");
        assertThat(DurationWords.of(0)).isEqualTo("0 seconds");
        assertThat(DurationWords.of(61_000)).isEqualTo("1 minute 1 second");
        assertThat(DurationWords.of(3_600_000 + 120_000)).isEqualTo("1 hour 2 minutes");
        assertThat(DurationWords.of(30 * 60_000)).isEqualTo("30 minutes");
    }
}
