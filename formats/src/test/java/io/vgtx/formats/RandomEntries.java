package io.vgtx.formats;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Synthetic entries from a fixed seed: every type, every optional field present or not, text that needs quoting. */
public final class RandomEntries {
    /** Characters that break naive CSV, JSON or STIX writers, and some that are not ASCII. */
    /** What a single-line field (label, series, metadata key, grade) may hold: no line breaks or tabs (see EntryRules). */
    private static final String CHARACTERS = "abcXYZ0189 ,;:\"'-=+@_/\\#[]{}()éß日本✓😀";
    /** A metadata value is free text: it may run over lines. */
    private static final String MULTILINE_CHARACTERS = CHARACTERS + "\n\r\t";
    private static final List<String> GRADE_SCHEMES = List.of("UK_CAID", "VICS", "INTERPOL_BASELINE", "NCMEC");

    private RandomEntries() {}

    public static List<Entry> entries(long seed, int count) {
        RandomGenerator random = new Random(seed);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) entries.add(Io.entry(entry(random, i)));
        return entries;
    }

    /** A random entry; its label, when it has one, ends with {@code index}, so neighbours never share one. */
    public static EntryData entry(RandomGenerator random, int index) {
        SignalType type = SignalTypes.ALL.get(random.nextInt(SignalTypes.ALL.size()));
        return new EntryData(type, hex(random, length(type)),
                type.equals(PdqSignal.PDQ) ? maybe(random, random.nextInt(101)) : Optional.empty(),
                maybe(random, pick(random, Category.values())), maybe(random, text(random)), random.nextBoolean(),
                maybe(random, instant(random)), maybe(random, pick(random, Distribution.values())), maybe(random, text(random) + " #" + index),
                grades(random), metadata(random), random.nextInt(4) == 0 ? EntryState.RETRACTED : EntryState.ACTIVE);
    }

    public static String hex(RandomGenerator random, int digits) {
        byte[] bytes = new byte[digits / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Non-blank text without surrounding white space (text formats trim cells). */
    public static String text(RandomGenerator random) {
        return text(random, CHARACTERS);
    }

    private static String text(RandomGenerator random, String characters) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(24);
        int count = characters.codePointCount(0, characters.length());
        while (text.length() < length) text.appendCodePoint(characters.codePointAt(characters.offsetByCodePoints(0, random.nextInt(count))));
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? "x" : stripped;
    }

    private static int length(SignalType type) {
        return switch (type) {
            case DigestSignal digest -> digest.hexLength();
            case PdqSignal pdq -> 64;
            case PhotoDnaSignal photoDna -> 288;
        };
    }

    private static Instant instant(RandomGenerator random) {
        // Within what a client may state (EntryRules): from 1990 to the start of 2026.
        return Instant.ofEpochSecond(random.nextLong(631_152_000L, 1_767_225_600L), random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000));
    }

    private static List<Grade> grades(RandomGenerator random) {
        List<Grade> grades = new ArrayList<>();
        for (String scheme : GRADE_SCHEMES) {
            if (random.nextInt(3) != 0) continue;
            String grade = switch (scheme) {
                case "VICS" -> String.valueOf(random.nextInt(6));
                case "INTERPOL_BASELINE" -> String.valueOf(random.nextBoolean());
                case "UK_CAID" -> pick(random, new String[]{"A", "B", "C"});
                default -> text(random);
            };
            grades.add(new Grade(scheme, grade, maybe(random, text(random)).orElse(null), maybe(random, instant(random)).orElse(null)));
        }
        return grades;
    }

    private static Map<String, String> metadata(RandomGenerator random) {
        Map<String, String> metadata = new HashMap<>();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) metadata.put("k" + i + text(random), text(random, MULTILINE_CHARACTERS));
        return metadata;
    }

    private static <T> Optional<T> maybe(RandomGenerator random, T value) {
        return random.nextBoolean() ? Optional.of(value) : Optional.empty();
    }

    private static <T> T pick(RandomGenerator random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
