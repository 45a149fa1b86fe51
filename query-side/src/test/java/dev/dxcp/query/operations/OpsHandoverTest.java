package dev.dxcp.query.operations;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The handover rules that decide which events the live projection skips after a switch. */
class OpsHandoverTest {

    @Test
    void coversEveryIndexUpToItsPositionExceptItsGaps() {
        Handover handover = new Handover(10, Set.of(7L));
        assertThat(handover.covers(3)).isTrue();
        assertThat(handover.covers(10)).isTrue();
        assertThat(handover.covers(7)).as("a gap committed later is not in the new generation").isFalse();
        assertThat(handover.covers(11)).isFalse();
        assertThat(handover.covers(-1)).isFalse();
    }

    @Test
    void aRebuildMayTakeOverOnlyWhenItHandledEverythingTheLiveSideHandled() {
        Handover rebuilt = new Handover(10, Set.of(7L));
        assertThat(rebuilt.coversAllOf(new Handover(9, Set.of(7L)))).isTrue();
        assertThat(rebuilt.coversAllOf(new Handover(6, Set.of()))).isTrue();
        assertThat(rebuilt.coversAllOf(new Handover(11, Set.of()))).as("live is ahead").isFalse();
        assertThat(rebuilt.coversAllOf(new Handover(9, Set.of()))).as("live handled 7, the rebuild did not")
                .isFalse();
    }

    @Test
    void gapsSurviveTheirTextForm() {
        Handover handover = new Handover(20, Set.of(3L, 12L));
        assertThat(Handover.parseGaps(handover.gapsText())).containsExactlyInAnyOrder(3L, 12L);
        assertThat(new Handover(5, Set.of()).gapsText()).isNull();
        assertThat(Handover.parseGaps(null)).isEmpty();
    }

    @Test
    void tableNamesComeFromTheGeneration() {
        assertThat(new Generation(2).table("rm_build")).isEqualTo("rm_build_g2");
        assertThat(new Generation(1).other()).isEqualTo(new Generation(2));
        assertThat(new Generation(2).other()).isEqualTo(new Generation(1));
    }
}
