package io.vgtx.formats.support;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryRules;
import io.vgtx.formats.EntryReader;
import io.vgtx.formats.FormatException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A reader that takes its input one record at a time (a line, a row, a Media, a STIX object), where one
 * record gives zero or more entries. Only the current record's entries are held.
 */
public abstract class RecordReader implements EntryReader {
    private final Deque<EntryData> pending = new ArrayDeque<>();
    private final Skips skips = new Skips();
    private boolean ended;
    private String location = "the input";

    /**
     * The next entry, held to {@link EntryRules} here, where the record is known: a label over the limit, a control
     * character in a series or a first-seen time before 1990 is {@code line 3: first_seen: …}, not a failure after
     * some count of entries. (The store checks again, whatever the source.)
     */
    @Override
    public final Optional<EntryData> next() throws IOException, FormatException {
        while (pending.isEmpty() && !ended) ended = !readRecord(pending::add);
        EntryData entry = pending.poll();
        if (entry == null) return Optional.empty();
        try {
            return Optional.of(EntryRules.check(entry, Instant.now()));
        } catch (IllegalArgumentException e) {
            throw new FormatException(location, e.getMessage());
        }
    }

    /** Where the record being read is ({@code line 17}): its entries' rule violations are reported there. */
    protected final void at(String recordLocation) {
        location = recordLocation;
    }

    /**
     * Reads the next record and emits its entries (maybe none).
     *
     * @return false at the end of the input, when there was no record to read
     */
    protected abstract boolean readRecord(Consumer<EntryData> emit) throws IOException, FormatException;

    /** Notes a record that the format allows but we do not import. */
    protected final void skip(String reason) {
        skips.count(reason);
    }

    @Override
    public final Map<String, Long> skipped() {
        return skips.counts();
    }
}
