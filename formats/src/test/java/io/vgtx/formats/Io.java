package io.vgtx.formats;

import io.vgtx.formats.catalog.Formats;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading and writing whole (small) documents in tests. */
public final class Io {
    public static final WriteOptions OPTIONS = new WriteOptions("Example Hotline", Instant.parse("2026-01-02T03:04:05.678Z"));

    private Io() {}

    public record Read(List<EntryData> entries, Map<String, Long> skipped) {}

    public record Written(String text, Map<String, Long> skipped) {}

    public static List<EntryData> read(Format format, String text) throws IOException, FormatException {
        return readAll(format, stream(text), ReadOptions.DEFAULT).entries();
    }

    public static Read readAll(Format format, InputStream in, ReadOptions options) throws IOException, FormatException {
        List<EntryData> entries = new ArrayList<>();
        try (EntryReader reader = Formats.reader(format, in, options)) {
            for (Optional<EntryData> next = reader.next(); next.isPresent(); next = reader.next()) entries.add(next.get());
            return new Read(entries, reader.skipped());
        }
    }

    /** Counts the entries of a (possibly huge) input without keeping them. */
    public static long count(Format format, InputStream in) throws IOException, FormatException {
        long count = 0;
        try (EntryReader reader = Formats.reader(format, in, ReadOptions.DEFAULT)) {
            while (reader.next().isPresent()) count++;
        }
        return count;
    }

    public static FormatException failure(Format format, String text) {
        return catchThrowableOfType(FormatException.class, () -> read(format, text));
    }

    public static String write(Format format, List<Entry> entries) throws IOException {
        return writeAll(format, entries).text();
    }

    public static Written writeAll(Format format, List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, Long> skipped;
        try (EntryWriter writer = Formats.writer(format, out, OPTIONS)) {
            for (Entry entry : entries) writer.write(entry);
            skipped = writer.skipped();
        }
        return new Written(out.toString(StandardCharsets.UTF_8), skipped);
    }

    public static List<EntryData> roundTrip(Format format, List<Entry> entries) throws IOException, FormatException {
        return read(format, write(format, entries));
    }

    public static Entry entry(EntryData data) {
        return new Entry(1, 7, "known-media", "Example Hotline", data, 1);
    }

    public static List<Entry> entries(List<EntryData> data) {
        return data.stream().map(Io::entry).toList();
    }

    public static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The shared test data: system property {@code vgtx.testdata}, else beside the clone. */
    public static Path testdata() {
        String property = System.getProperty("vgtx.testdata");
        Path path = property == null ? Path.of("../../shared/testdata") : Path.of(property);
        return Files.isDirectory(path) ? path : Path.of("../../shared/testdata");
    }
}
