package io.vgtx.formats;

import io.vgtx.core.bank.Entry;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/** Streams entries into one output; {@link #close()} finishes the document (but the caller owns the stream). */
public interface EntryWriter extends Closeable {
    void write(Entry entry) throws IOException;

    /**
     * Entries this format cannot carry and so did not write, by reason (e.g. "retracted": 2, "SHA256 (no ICSE column)": 5).
     * A retracted entry is never written as a plain hash, because whoever imports the file would take it as active.
     */
    Map<String, Long> skipped();
}
