package io.vgtx.core.bank;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.input.CleanText;
import io.vgtx.core.input.StatedTime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What an entry a client gives may say, checked on every way in (the API's entries route, an import of any format by
 * API or CLI, {@code vgtx bank add}) before it is stored: clean text ({@link CleanText}), a label and a series of at
 * most {@value #MAX_LABEL} characters, metadata of at most {@value #MAX_METADATA_BYTES} bytes as stored (JSON, UTF-8),
 * and a first-seen or graded time within {@link StatedTime}'s bounds. Every partner's feed and matches carry what one
 * member stored: without a bound one member made them 20 MB heavier. Entries read back from the database are not
 * checked again (what an older node stored stays readable).
 */
public final class EntryRules {
    public static final int MAX_LABEL = 1024;
    public static final int MAX_SERIES = 1024;
    public static final int MAX_METADATA_BYTES = 16 * 1024;
    /** A metadata key is a field name (VICS {@code vics.Notes}, say), a grade scheme or grader a short name. */
    public static final int MAX_KEY = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private EntryRules() {}

    /**
     * {@code entry} with its text NFC-normalised, when it keeps the rules; else an {@link IllegalArgumentException} whose
     * message starts with the field ({@code label must …}, {@code first_seen: …}, {@code metadata: …}).
     *
     * @param now the node's time, against which a stated time may not lie in the future (beyond {@link StatedTime#CLOCK_SKEW})
     */
    public static EntryData check(EntryData entry, Instant now) {
        Optional<String> label = entry.label().map(text -> CleanText.line("label", text, MAX_LABEL));
        Optional<String> series = entry.series().map(text -> CleanText.line("series", text, MAX_SERIES));
        entry.firstSeen().ifPresent(at -> StatedTime.check("first_seen", at, now, StatedTime.CLOCK_SKEW));
        List<Grade> grades = new ArrayList<>(entry.grades().size());
        for (Grade grade : entry.grades()) grades.add(grade(grade, now));
        Map<String, String> metadata = metadata(entry.metadata());
        return new EntryData(entry.type(), entry.value(), entry.quality(), entry.category(), series, entry.victimIdentified(),
                entry.firstSeen(), entry.distribution(), label, grades, metadata, entry.state());
    }

    private static Grade grade(Grade grade, Instant now) {
        if (grade.gradedAt() != null) StatedTime.check("grades.graded_at", grade.gradedAt(), now, StatedTime.CLOCK_SKEW);
        return new Grade(CleanText.line("grades.scheme", grade.scheme(), MAX_KEY), CleanText.line("grades.grade", grade.grade(), MAX_KEY),
                grade.gradedBy() == null ? null : CleanText.line("grades.graded_by", grade.gradedBy(), MAX_KEY), grade.gradedAt());
    }

    private static Map<String, String> metadata(Map<String, String> metadata) {
        if (metadata.isEmpty()) return metadata;
        Map<String, String> clean = new TreeMap<>();
        metadata.forEach((key, value) -> {
            String name = CleanText.line("metadata", key, MAX_KEY);
            // A value is bounded by the whole: the bytes as stored.
            clean.put(name, CleanText.multiline("metadata." + name, value, Integer.MAX_VALUE));
        });
        int bytes = storedBytes(clean);
        if (bytes > MAX_METADATA_BYTES) {
            throw new IllegalArgumentException("metadata must be at most " + MAX_METADATA_BYTES + " bytes as stored (JSON, UTF-8), not " + bytes);
        }
        return clean;
    }

    /** The size of the metadata as the store writes it: a JSON object, keys sorted. */
    static int storedBytes(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsBytes(new TreeMap<>(metadata)).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write entry metadata as JSON", e);
        }
    }
}
