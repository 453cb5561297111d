package io.vgtx.core.store;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.vgtx.core.store.TestEntries.pdq;
import static org.assertj.core.api.Assertions.assertThat;

class EntryMergeTest {
    private static final Bank BANK = new Bank(1, "known", "Hotline", Optional.of(Category.B), Distribution.AMBER, Instant.EPOCH);
    private static final Grade VICS = new Grade("VICS", "1", "Agency", Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void aPlainHashAddedAgainKeepsEverythingStored() {
        EntryData stored = pdq(1).withQuality(90).withCategory(Category.A).withSeries("s").withVictimIdentified(true)
                .withFirstSeen(Instant.parse("2025-01-01T00:00:00Z")).withDistribution(Distribution.RED)
                .withLabel("a.jpg").withGrades(List.of(VICS)).withMetadata(Map.of("k", "v"));

        assertThat(EntryMerge.merge(stored, pdq(1))).isEqualTo(stored);
    }

    @Test
    void givenFieldsReplaceStoredOnesButFirstSeenKeepsTheEarliest() {
        EntryData stored = pdq(1).withQuality(40).withLabel("old.jpg").withFirstSeen(Instant.parse("2025-01-01T00:00:00Z"));

        EntryData merged = EntryMerge.merge(stored, pdq(1).withQuality(95).withLabel("new.jpg")
                .withFirstSeen(Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(merged.quality()).contains(95);
        assertThat(merged.label()).contains("new.jpg");
        assertThat(merged.firstSeen()).contains(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void victimIdentifiedOnceStaysIdentified() {
        assertThat(EntryMerge.merge(pdq(1).withVictimIdentified(true), pdq(1)).victimIdentified()).isTrue();
        assertThat(EntryMerge.merge(pdq(1), pdq(1).withVictimIdentified(true)).victimIdentified()).isTrue();
    }

    @Test
    void gradesAndMetadataAreUnited() {
        Grade other = new Grade("NCMEC", "A1", null, null);
        EntryData merged = EntryMerge.merge(pdq(1).withGrades(List.of(VICS)).withMetadata(Map.of("a", "1", "b", "2")),
                pdq(1).withGrades(List.of(other, VICS)).withMetadata(Map.of("b", "3")));

        assertThat(merged.grades()).containsExactly(VICS, other);
        assertThat(merged.metadata()).isEqualTo(Map.of("a", "1", "b", "3"));
        assertThat(EntryMerge.newGrades(pdq(1).withGrades(List.of(VICS)), merged)).containsExactly(other);
    }

    @Test
    void theStateIsTheOneGiven() {
        EntryData retracted = pdq(1).withState(EntryState.RETRACTED);

        assertThat(EntryMerge.merge(retracted, pdq(1)).state()).isEqualTo(EntryState.ACTIVE);
        assertThat(EntryMerge.merge(pdq(1), retracted).state()).isEqualTo(EntryState.RETRACTED);
    }

    @Test
    void bankDefaultsFillOnlyWhatIsMissing() {
        assertThat(EntryMerge.withBankDefaults(pdq(1), BANK))
                .isEqualTo(pdq(1).withCategory(Category.B).withDistribution(Distribution.AMBER));
        EntryData own = pdq(1).withCategory(Category.A).withDistribution(Distribution.GREEN);
        assertThat(EntryMerge.withBankDefaults(own, BANK)).isEqualTo(own);
    }

    @Test
    void storableCutsTimesToMillisecondsAndDropsRepeatedGrades() {
        Instant precise = Instant.parse("2026-01-01T00:00:00.123456Z");
        Instant millis = Instant.parse("2026-01-01T00:00:00.123Z");
        Grade grade = new Grade("VICS", "1", null, precise);

        EntryData storable = EntryMerge.storable(pdq(1).withFirstSeen(precise).withGrades(List.of(grade, grade)));

        assertThat(storable.firstSeen()).contains(millis);
        assertThat(storable.grades()).containsExactly(new Grade("VICS", "1", null, millis));
        EntryData alreadyStorable = pdq(2).withGrades(List.of(VICS));
        assertThat(EntryMerge.storable(alreadyStorable)).isSameAs(alreadyStorable);
    }
}
