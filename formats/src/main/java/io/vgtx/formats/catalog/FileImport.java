package io.vgtx.formats.catalog;

import io.vgtx.core.store.EntrySource;
import io.vgtx.core.store.ImportResult;
import io.vgtx.formats.EntryReader;
import io.vgtx.formats.Format;
import io.vgtx.formats.ReadOptions;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reading one file of an exchange format into a bank: the one import path of {@code vgtx bank import} and of
 * {@code POST /api/v1/banks/{id}/import}. The reader streams; the {@link Sink} writes in one transaction, so the
 * first bad record (its {@link io.vgtx.formats.FormatException} the cause of the sink's
 * {@link io.vgtx.core.store.ImportFailedException}) leaves the bank as it was.
 */
public final class FileImport {
    private FileImport() {}

    /** Where the entries go: e.g. {@code BankStore.addEntries} for the CLI, {@code SharedBanks.importEntries} for the API. */
    @FunctionalInterface
    public interface Sink {
        ImportResult write(EntrySource source);
    }

    /**
     * What an import did.
     *
     * @param skipped records the format allows but we do not import, by kind (e.g. STIX {@code malware}: 3)
     */
    public record Outcome(Format format, ImportResult result, Map<String, Long> skipped) {
        public Outcome {
            skipped = Map.copyOf(skipped);
        }

        /** {@code 3 added, 1 updated, 0 unchanged; skipped: 2 malware}, for people. */
        public String summary() {
            String counts = result.summary();
            if (skipped.isEmpty()) return counts;
            StringBuilder text = new StringBuilder(counts).append("; skipped:");
            new java.util.TreeMap<>(skipped).forEach((kind, count) -> text.append(' ').append(count).append(' ').append(kind).append(','));
            return text.substring(0, text.length() - 1);
        }
    }

    /** Reads {@code in} (left open) as {@code format} into {@code sink}. */
    public static Outcome run(Format format, InputStream in, ReadOptions options, Sink sink) throws IOException {
        try (EntryReader reader = Formats.reader(format, in, options)) {
            ImportResult result = sink.write(reader::next);
            return new Outcome(format, result, reader.skipped());
        }
    }
}
