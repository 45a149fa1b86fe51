package dev.dxcp.events.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SemverOrderTest {

    @ParameterizedTest(name = "{0} is listed before {1}")
    @CsvSource({
            "1.10.0, 1.9.0",
            "2.0.0, 1.99.99",
            "1.0.10, 1.0.9",
            "1.0.0, 1.0.0-rc.1",
            "1.0.0-alpha.beta, 1.0.0-alpha.1",
            "1.0.0-alpha.1, 1.0.0-alpha",
            "1.0.0-beta, 1.0.0-alpha.beta",
            "1.0.0-beta.11, 1.0.0-beta.2",
            "1.0.0-rc.1, 1.0.0-beta.11",
            "1.0.0-a, 1.0.0-9999",
            "1.0.0-B, 1.0.0-A",
            "1.0.0-a, 1.0.0-B",
            "99999999999999999999.0.0, 9999999999999999999.0.0",
            "0.0.1, not-a-version",
            "0.0.0-0, 1.0.0+build.5",
            "0.0.0-0, v1.0.0",
            "0.0.0-0, 1.0"})
    void newerVersionSortsFirst(String newer, String older) {
        assertThat(SemverOrder.NEWEST_FIRST.compare(newer, older)).isNegative();
        assertThat(SemverOrder.NEWEST_FIRST.compare(older, newer)).isPositive();
    }

    @ParameterizedTest
    @CsvSource({"1.0.0, 1.0.0", "1.0.0-rc.1, 1.0.0-rc.1", "01.2.3, 1.2.3", "garbage, also-garbage"})
    void equalKeysCompareEqualSoAStableSortKeepsIncomingOrder(String a, String b) {
        assertThat(SemverOrder.NEWEST_FIRST.compare(a, b)).isZero();
    }

    @Test
    void sortingAShuffledTrickySetGivesTheContractOrder() {
        List<String> expected = List.of(
                "1.10.0", "1.9.0", "1.0.0", "1.0.0-rc.1", "1.0.0-beta.11", "1.0.0-beta.2", "1.0.0-beta",
                "1.0.0-alpha.beta", "1.0.0-alpha.1", "1.0.0-alpha", "0.9.0");
        List<String> unparsable = List.of("latest", "1.0", "1.0.0+meta");
        List<String> shuffled = new ArrayList<>(expected);
        shuffled.addAll(unparsable);
        Collections.shuffle(shuffled, new Random(7));

        shuffled.sort(SemverOrder.NEWEST_FIRST);

        assertThat(shuffled.subList(0, expected.size())).containsExactlyElementsOf(expected);
        assertThat(shuffled.subList(expected.size(), shuffled.size())).containsExactlyInAnyOrderElementsOf(unparsable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "0.0.0", "1.2.3-rc.1", "1.2.3-alpha-2.x"})
    void contractVersionsAreValid(String version) {
        assertThat(SemverOrder.isValidVersion(version)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2", "v1.2.3", "1.2.3+build", "1.2.3-", "1.2.3-rc_1", " 1.2.3", ""})
    void nonContractVersionsAreInvalid(String version) {
        assertThat(SemverOrder.isValidVersion(version)).isFalse();
    }
}
