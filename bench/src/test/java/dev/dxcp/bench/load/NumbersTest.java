package dev.dxcp.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void ratesAboveOneHundredAreWholeNumbersWithThousandsSeparated() {
        assertThat(Numbers.count(12_345.6)).isEqualTo("12,346");
        assertThat(Numbers.count(812.4)).isEqualTo("812");
        assertThat(Numbers.count(31.84)).isEqualTo("31.8");
    }

    @Test
    void millisecondsKeepAboutTwoSignificantDigits() {
        assertThat(Numbers.millis(0.414)).isEqualTo("0.41 ms");
        assertThat(Numbers.millis(3.14)).isEqualTo("3.1 ms");
        assertThat(Numbers.millis(1_250.2)).isEqualTo("1,250 ms");
    }

    @Test
    void sharesArePercentagesWithADecimalOnlyBelowTen() {
        assertThat(Numbers.percent(0.314)).isEqualTo("31%");
        assertThat(Numbers.percent(0.0042)).isEqualTo("0.4%");
        assertThat(Numbers.percent(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void memoryIsShownInMebibytesFromKibibytes() {
        assertThat(Numbers.mebibytes(460_800)).isEqualTo("450 MiB");
        assertThat(Numbers.mebibytes(-1)).isEqualTo("n/a");
    }
}
