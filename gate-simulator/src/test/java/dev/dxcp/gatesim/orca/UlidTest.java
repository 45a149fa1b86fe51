package dev.dxcp.gatesim.orca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UlidTest {

    private final Ulid ulid = new Ulid(new Random(7));

    @Test
    void isTwentySixCrockfordCharactersCarryingTheTime() {
        String id = ulid.next(1731929000000L);
        assertThat(id).matches("[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(Ulid.timeOf(id)).isEqualTo(1731929000000L);
    }

    @Test
    void decodesAKnownUlidFromTheFixtures() {
        // The recorded execution 01F6848ZR2N8NJAPBVTEP9R8FV was id-stamped at 2021-05-21T18:51:18.658Z.
        assertThat(Ulid.timeOf("01F6848ZR2N8NJAPBVTEP9R8FV")).isEqualTo(1621623078658L);
    }

    @Test
    void idsSortInCreationOrderEvenWithinOneMillisecond() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            ids.add(ulid.next(1731929000000L + i / 100));
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }
}
