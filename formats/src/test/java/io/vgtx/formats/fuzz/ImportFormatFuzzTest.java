package io.vgtx.formats.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.formats.EntryReader;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.Format;
import io.vgtx.formats.FormatException;
import io.vgtx.formats.ReadOptions;
import io.vgtx.formats.WriteOptions;
import io.vgtx.formats.catalog.Formats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Coverage-guided fuzzing (Jazzer) of every import format, through {@link Formats#reader}, the one reader that
 * {@code vgtx bank import} and {@code POST /api/v1/banks/{id}/import} use, and {@link Formats#detect}, which the
 * import route runs on a file that names no format.
 *
 * <p>A file must either read to the end or be refused with a {@link FormatException} that names where. Anything
 * else escaping is a finding. What a file reads to must also survive our lossless format: written as JSON lines
 * and read back, the entries are the same (export ∘ import = identity on everything a reader accepts). One target
 * per format, each from its own seed corpus ({@code ImportFormatFuzzTestInputs/<target>/}, files our writers made
 * from synthetic entries, plus the two Project VIC document shapes); {@code scripts/fuzz.sh DURATION} fuzzes them.
 */
class ImportFormatFuzzTest {
    /** Reading stops here: the fuzzer's inputs are small, and a reader that loops forever is a finding of its own. */
    private static final int MAX_ENTRIES = 100_000;
    private static final WriteOptions WRITE = new WriteOptions("Fuzz Hotline", Instant.parse("2026-01-02T03:04:05Z"));

    @FuzzTest
    void csv(byte[] data) {
        readEveryWay(Format.CSV, data);
    }

    @FuzzTest
    void pdq(byte[] data) {
        readEveryWay(Format.PDQ, data);
    }

    @FuzzTest
    void jsonl(byte[] data) {
        readEveryWay(Format.JSONL, data);
    }

    @FuzzTest
    void vics(byte[] data) {
        readEveryWay(Format.VICS, data);
    }

    @FuzzTest
    void icse(byte[] data) {
        readEveryWay(Format.ICSE, data);
    }

    @FuzzTest
    void stix(byte[] data) {
        readEveryWay(Format.STIX, data);
    }

    private static void readEveryWay(Format format, byte[] data) {
        Formats.detect(data);
        for (ReadOptions options : List.of(ReadOptions.DEFAULT, new ReadOptions(true))) {
            Optional<List<EntryData>> read = read(format, data, options);
            if (read.isPresent()) survivesOurLosslessFormat(read.get());
        }
    }

    /** The entries of a file, or empty when it was refused as it should be. */
    private static Optional<List<EntryData>> read(Format format, byte[] data, ReadOptions options) {
        List<EntryData> entries = new ArrayList<>();
        try (EntryReader reader = Formats.reader(format, new ByteArrayInputStream(data), options)) {
            for (Optional<EntryData> next; (next = reader.next()).isPresent(); ) {
                entries.add(next.get());
                if (entries.size() > MAX_ENTRIES) throw new AssertionError("more entries than bytes: the reader loops");
            }
            return Optional.of(entries);
        } catch (FormatException refused) {
            if (refused.location().isBlank()) throw new AssertionError("a refusal that names no place: " + refused.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new AssertionError("reading bytes in memory failed with " + e + " instead of a FormatException", e);
        }
    }

    private static void survivesOurLosslessFormat(List<EntryData> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (EntryWriter writer = Formats.writer(Format.JSONL, out, WRITE)) {
            for (EntryData data : entries) writer.write(new Entry(1, 1, "fuzzed", "Fuzz Hotline", data, 1));
        } catch (IOException e) {
            throw new AssertionError("writing to memory failed", e);
        }
        Optional<List<EntryData>> back = read(Format.JSONL, out.toByteArray(), ReadOptions.DEFAULT);
        if (back.isEmpty()) throw new AssertionError("our own JSON lines export of accepted entries was refused");
        if (!back.get().equals(entries)) throw new AssertionError("export then import changed the entries:\n" + entries + "\n" + back.get());
    }
}
