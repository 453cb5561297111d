package io.vgtx.core.bank;

import io.vgtx.core.signal.SignalType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an entry says, independent of where it is stored: what importers produce and exporters write.
 * Absent optional fields fall back to the bank's defaults when the entry is added.
 *
 * @param value    the normalised hash text ({@link SignalType#normalize})
 * @param quality  PDQ quality 0..100 when known
 * @param metadata fields a source carried that we have no column for; kept so a re-export loses nothing
 */
public record EntryData(SignalType type, String value, Optional<Integer> quality, Optional<Category> category,
                        Optional<String> series, boolean victimIdentified, Optional<Instant> firstSeen,
                        Optional<Distribution> distribution, Optional<String> label, List<Grade> grades,
                        Map<String, String> metadata, EntryState state) {
    public EntryData {
        Objects.requireNonNull(type, "type");
        value = type.normalize(value);
        quality.ifPresent(q -> {
            if (q < 0 || q > 100) throw new IllegalArgumentException("quality must be 0..100, not " + q);
        });
        grades = List.copyOf(grades);
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(state, "state");
    }

    /** An active entry with just a hash; everything else from the bank's defaults. */
    public static EntryData of(SignalType type, String value) {
        return new EntryData(type, value, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Map.of(), EntryState.ACTIVE);
    }

    public EntryData withQuality(int q) {
        return new EntryData(type, value, Optional.of(q), category, series, victimIdentified, firstSeen, distribution, label, grades, metadata, state);
    }

    public EntryData withLabel(String text) {
        return new EntryData(type, value, quality, category, series, victimIdentified, firstSeen, distribution, Optional.ofNullable(text), grades, metadata, state);
    }

    public EntryData withCategory(Category c) {
        return new EntryData(type, value, quality, Optional.ofNullable(c), series, victimIdentified, firstSeen, distribution, label, grades, metadata, state);
    }

    public EntryData withSeries(String s) {
        return new EntryData(type, value, quality, category, Optional.ofNullable(s), victimIdentified, firstSeen, distribution, label, grades, metadata, state);
    }

    public EntryData withVictimIdentified(boolean identified) {
        return new EntryData(type, value, quality, category, series, identified, firstSeen, distribution, label, grades, metadata, state);
    }

    public EntryData withFirstSeen(Instant at) {
        return new EntryData(type, value, quality, category, series, victimIdentified, Optional.ofNullable(at), distribution, label, grades, metadata, state);
    }

    public EntryData withDistribution(Distribution d) {
        return new EntryData(type, value, quality, category, series, victimIdentified, firstSeen, Optional.ofNullable(d), label, grades, metadata, state);
    }

    public EntryData withGrades(List<Grade> g) {
        return new EntryData(type, value, quality, category, series, victimIdentified, firstSeen, distribution, label, g, metadata, state);
    }

    public EntryData withMetadata(Map<String, String> m) {
        return new EntryData(type, value, quality, category, series, victimIdentified, firstSeen, distribution, label, grades, m, state);
    }

    public EntryData withState(EntryState s) {
        return new EntryData(type, value, quality, category, series, victimIdentified, firstSeen, distribution, label, grades, metadata, s);
    }
}
