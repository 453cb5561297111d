package io.vgtx.core.bank;

import io.vgtx.core.signal.DigestSignal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntryRulesTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final EntryData MD5 = EntryData.of(DigestSignal.MD5, "0123456789abcdef0123456789abcdef");

    @Test
    void aLabelOrSeriesOfUpTo1024CharactersIsTakenAndOneMoreIsNot() {
        assertThat(EntryRules.check(MD5.withLabel("x".repeat(1024)), NOW).label()).hasValue("x".repeat(1024));
        assertThatThrownBy(() -> EntryRules.check(MD5.withLabel("x".repeat(1025)), NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("label must be at most 1024 characters, not 1025");
        assertThatThrownBy(() -> EntryRules.check(MD5.withSeries("s".repeat(1025)), NOW)).hasMessageStartingWith("series must be at most 1024");
    }

    @Test
    void metadataUpTo16KibAsStoredIsTakenAndOneByteMoreIsNot() {
        // {"k":"…"} is 8 bytes around the value; é is two bytes in UTF-8, a quote is escaped to two.
        String value = "x".repeat(16 * 1024 - 8);
        assertThat(EntryRules.check(MD5.withMetadata(Map.of("k", value)), NOW).metadata()).containsEntry("k", value);
        assertThatThrownBy(() -> EntryRules.check(MD5.withMetadata(Map.of("k", value + "x")), NOW))
                .hasMessage("metadata must be at most 16384 bytes as stored (JSON, UTF-8), not 16385");
        assertThatThrownBy(() -> EntryRules.check(MD5.withMetadata(Map.of("k", value.substring(1) + "é")), NOW))
                .hasMessageContaining("not 16385");
        assertThatThrownBy(() -> EntryRules.check(MD5.withMetadata(Map.of("k", value.substring(1) + "\"")), NOW))
                .hasMessageContaining("not 16385");
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 200; i++) many.put("field" + i, "v".repeat(100));
        assertThatThrownBy(() -> EntryRules.check(MD5.withMetadata(many), NOW)).hasMessageStartingWith("metadata must be at most 16384 bytes");
    }

    @Test
    void textIsCleanAndNormalisedEverywhereInTheEntry() {
        assertThatThrownBy(() -> EntryRules.check(MD5.withLabel("a\nb"), NOW)).hasMessageStartingWith("label must not hold");
        assertThatThrownBy(() -> EntryRules.check(MD5.withSeries("s\u202E"), NOW)).hasMessageStartingWith("series must not hold");
        assertThatThrownBy(() -> EntryRules.check(MD5.withMetadata(Map.of("k\u0000", "v")), NOW)).hasMessageStartingWith("metadata must not hold");
        assertThatThrownBy(() -> EntryRules.check(MD5.withMetadata(Map.of("k", "v\u200B")), NOW)).hasMessageStartingWith("metadata.k must not hold");
        assertThatThrownBy(() -> EntryRules.check(MD5.withGrades(List.of(new Grade("VICS", "1\u0000", null, null))), NOW))
                .hasMessageStartingWith("grades.grade must not hold");
        assertThat(EntryRules.check(MD5.withMetadata(Map.of("notes", "two\nlines")), NOW).metadata()).containsEntry("notes", "two\nlines");
        EntryData checked = EntryRules.check(MD5.withLabel("Cafe\u0301").withSeries("Se\u0301rie"), NOW);
        assertThat(checked.label()).hasValue("Caf\u00E9");
        assertThat(checked.series()).hasValue("S\u00E9rie");
    }

    @Test
    void aFirstSeenOrGradedTimeBefore1990OrInTheFutureIsRefused() {
        for (String at : new String[] {"-999999999-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "2026-06-03T00:00:00Z"}) {
            assertThatThrownBy(() -> EntryRules.check(MD5.withFirstSeen(Instant.parse(at)), NOW)).hasMessageStartingWith("first_seen: ");
            assertThatThrownBy(() -> EntryRules.check(MD5.withGrades(List.of(new Grade("VICS", "1", null, Instant.parse(at)))), NOW))
                    .hasMessageStartingWith("grades.graded_at: ");
        }
        assertThat(EntryRules.check(MD5.withFirstSeen(Instant.parse("2026-06-02T06:00:00Z")), NOW).firstSeen())
                .as("a partner's clock a few hours ahead").isPresent();
    }
}
