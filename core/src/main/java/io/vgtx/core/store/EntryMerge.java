package io.vgtx.core.store;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Grade;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules for what an added entry becomes: bank defaults for a new entry, and a merge when the bank
 * holds that hash already. The merge never throws information away — a plain hash list imported again
 * must not wipe the categories, grades or metadata an earlier, richer import brought.
 */
final class EntryMerge {
    private EntryMerge() {}

    /**
     * Times cut to the millisecond the database keeps, and repeated grades dropped, so a stored entry
     * compares equal to what was added. Returns {@code data} itself when that changes nothing, the
     * usual case: each copy of a record re-validates its hash, and an import makes millions.
     */
    static EntryData storable(EntryData data) {
        List<Grade> grades = data.grades().stream().map(EntryMerge::storable).distinct().toList();
        Optional<Instant> firstSeen = data.firstSeen().map(EntryMerge::millis);
        if (grades.equals(data.grades()) && firstSeen.equals(data.firstSeen())) return data;
        return new EntryData(data.type(), data.value(), data.quality(), data.category(), data.series(),
                data.victimIdentified(), firstSeen, data.distribution(), data.label(), grades, data.metadata(), data.state());
    }

    /** A new entry: category and distribution from the bank unless the entry has its own. */
    static EntryData withBankDefaults(EntryData data, Bank bank) {
        if (data.distribution().isPresent() && (data.category().isPresent() || bank.defaultCategory().isEmpty())) return data;
        return new EntryData(data.type(), data.value(), data.quality(), data.category().or(bank::defaultCategory),
                data.series(), data.victimIdentified(), data.firstSeen(),
                Optional.of(data.distribution().orElse(bank.defaultDistribution())), data.label(), data.grades(),
                data.metadata(), data.state());
    }

    /**
     * An entry added again: each field the incoming data has replaces the stored one, and absent fields
     * keep theirs; first seen is the earlier of the two; victim-identified, once set, stays set; grades
     * and metadata are united (incoming metadata wins per key); the state is the incoming one, so adding
     * a retracted hash again re-activates it.
     */
    static EntryData merge(EntryData stored, EntryData incoming) {
        return new EntryData(stored.type(), stored.value(),
                incoming.quality().or(stored::quality),
                incoming.category().or(stored::category),
                incoming.series().or(stored::series),
                stored.victimIdentified() || incoming.victimIdentified(),
                earliest(stored.firstSeen(), incoming.firstSeen()),
                incoming.distribution().or(stored::distribution),
                incoming.label().or(stored::label),
                Stream.concat(stored.grades().stream(), incoming.grades().stream()).distinct().toList(),
                union(stored.metadata(), incoming.metadata()),
                incoming.state());
    }

    /** The grades of {@code merged} that {@code stored} did not have yet. */
    static List<Grade> newGrades(EntryData stored, EntryData merged) {
        return merged.grades().stream().filter(g -> !stored.grades().contains(g)).toList();
    }

    private static Optional<Instant> earliest(Optional<Instant> a, Optional<Instant> b) {
        return Stream.concat(a.stream(), b.stream()).min(Instant::compareTo);
    }

    private static Map<String, String> union(Map<String, String> stored, Map<String, String> incoming) {
        Map<String, String> merged = new LinkedHashMap<>(stored);
        merged.putAll(incoming);
        return merged;
    }

    private static Grade storable(Grade grade) {
        return grade.gradedAt() == null ? grade : new Grade(grade.scheme(), grade.grade(), grade.gradedBy(), millis(grade.gradedAt()));
    }

    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
