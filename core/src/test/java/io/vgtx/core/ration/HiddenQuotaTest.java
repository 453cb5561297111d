package io.vgtx.core.ration;

import io.vgtx.index.hamming.Code256;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quota and probe rules, in memory: one organisation, hidden entries at known codes. */
class HiddenQuotaTest {
    private static final LocalDate DAY = LocalDate.parse("2026-12-08");
    private static final Code256 ENTRY = Code256.fromHex("a5".repeat(32));
    private static final long ID = 7;

    private final HiddenQuota quota = new HiddenQuota(8);

    /** The entry with the first {@code n} bits flipped: {@code n} bits from it. */
    private static Code256 away(int n) {
        return flips(ENTRY, IntStream.range(0, n).toArray());
    }

    private static Code256 flips(Code256 code, int... bits) {
        for (int b : bits) code = code.flip(b);
        return code;
    }

    @Test
    void eightDistinctHashesNearAnEntryAreAnsweredAndEveryLaterOneIsSilentHitOrNot() {
        List<Boolean> answered = IntStream.range(0, 20).mapToObj(i -> quota.count(ID, away(i), DAY).answered()).toList();

        assertThat(answered.subList(0, 8)).containsOnly(true);
        assertThat(answered.subList(8, 20)).containsOnly(false);
        assertThat(quota.count(ID, away(40), DAY).answered()).as("a no-hit 40 bits away is silent too").isFalse();
        assertThat(quota.count(ID, away(40), DAY).nearQueries()).isEqualTo(21);
    }

    @Test
    void aNoHitNearTheEntryUsesUpTheQuotaAsAHitDoes() {
        for (int i = 0; i < 8; i++) quota.count(ID, away(32 + i), DAY);

        assertThat(quota.count(ID, ENTRY, DAY).answered()).as("the exact value, asked after eight near no-hits").isFalse();
    }

    @Test
    void theSameHashAgainCountsOnceAndKeepsItsAnswerAllDay() {
        HiddenQuota.Decision first = quota.count(ID, away(3), DAY);
        for (int i = 10; i < 17; i++) quota.count(ID, away(i), DAY);
        HiddenQuota.Decision again = quota.count(ID, away(3), DAY);

        assertThat(first.answered()).isTrue();
        assertThat(again.answered()).as("answered again, though the quota is used up").isTrue();
        assertThat(again.changed()).isFalse();
        assertThat(again.nearQueries()).isEqualTo(8);
        assertThat(quota.count(ID, away(30), DAY).answered()).isFalse();
    }

    @Test
    void theQuotaIsPerEntryAndStartsAgainOnTheNextUtcDay() {
        for (int i = 0; i < 8; i++) quota.count(ID, away(i), DAY);

        assertThat(quota.count(ID, away(9), DAY).answered()).isFalse();
        assertThat(quota.count(ID + 1, away(9), DAY).answered()).as("another entry has its own quota").isTrue();
        assertThat(quota.count(ID, away(9), DAY.plusDays(1)).answered()).as("the next day").isTrue();
        assertThat(quota.count(ID, away(9), DAY.plusDays(1)).nearQueries()).isEqualTo(1);
    }

    @Test
    void threeDistinctHashesWithinEightBitsOfEachOtherAreAProbeToldOncePerDay() {
        Code256 edge = away(31);
        assertThat(quota.count(ID, edge, DAY).probe()).isFalse();
        assertThat(quota.count(ID, edge, DAY).probe()).as("the same hash again is not a second one").isFalse();
        assertThat(quota.count(ID, edge.flip(200), DAY).probe()).isFalse();
        assertThat(quota.count(ID, edge.flip(201), DAY).probe()).as("the third within 8 bits").isTrue();
        assertThat(quota.count(ID, edge.flip(202), DAY).probe()).as("told once").isFalse();
        assertThat(quota.probeTold(ID)).isTrue();

        assertThat(quota.count(ID, edge, DAY.plusDays(1)).probe()).isFalse();
        assertThat(quota.count(ID, edge.flip(200), DAY.plusDays(1)).probe()).isFalse();
        assertThat(quota.count(ID, edge.flip(201), DAY.plusDays(1)).probe()).as("a new day, told again").isTrue();
    }

    @Test
    void hashesNearTheEntryButSpreadApartAreNoProbe() {
        assertThat(quota.count(ID, flips(ENTRY, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), DAY).probe()).isFalse();
        assertThat(quota.count(ID, flips(ENTRY, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29), DAY).probe()).isFalse();
        assertThat(quota.count(ID, flips(ENTRY, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49), DAY).probe()).isFalse();
        assertThat(quota.probeTold(ID)).isFalse();
    }

    @Test
    void onlyWatchedEntriesAreFoundNearAQueryWithin48BitsByTheClosestOfItsHashes() {
        assertThat(quota.near(List.of(away(40)), DAY)).as("not watched: never came within 31").isEmpty();
        quota.watch(ID, "Owner Police", ENTRY, DAY);

        assertThat(quota.near(List.of(away(48)), DAY)).singleElement().satisfies(n -> {
            assertThat(n.entry().entryId()).isEqualTo(ID);
            assertThat(n.distance()).isEqualTo(48);
        });
        assertThat(quota.near(List.of(away(49)), DAY)).isEmpty();
        assertThat(quota.near(List.of(away(60), away(35), away(49)), DAY)).singleElement()
                .satisfies(n -> assertThat(n.query()).isEqualTo(away(35)));
        assertThat(quota.near(List.of(away(40)), DAY.plusDays(HiddenQuota.TRACK_DAYS + 1))).as("not approached for 31 days").isEmpty();
    }

    @Test
    void aRestoredDayKeepsItsCountItsAnsweredHashesAndItsProbe() {
        quota.restore(ID, DAY, 8, true, Set.of(away(1)));

        assertThat(quota.count(ID, away(1), DAY).answered()).as("answered before the restart").isTrue();
        assertThat(quota.count(ID, away(2), DAY).answered()).as("eight were counted already").isFalse();
        assertThat(quota.count(ID, away(3), DAY).nearQueries()).isEqualTo(10);
        assertThat(quota.count(ID, away(4), DAY).probe()).isFalse();
    }

    @Test
    void theQuotaIsOneToSixtyFour() {
        assertThatThrownBy(() -> new HiddenQuota(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..64");
        assertThatThrownBy(() -> new HiddenQuota(65)).isInstanceOf(IllegalArgumentException.class);
    }
}
