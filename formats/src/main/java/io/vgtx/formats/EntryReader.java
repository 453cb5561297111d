package io.vgtx.formats;

import io.vgtx.core.bank.EntryData;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** Streams entries out of one input, one at a time, in constant memory. */
public interface EntryReader extends Closeable {
    /** The next entry, or empty at the end of the input. */
    Optional<EntryData> next() throws IOException, FormatException;

    /** Records passed over because the format allows things we do not import, by kind (e.g. STIX "malware": 3). */
    Map<String, Long> skipped();
}
