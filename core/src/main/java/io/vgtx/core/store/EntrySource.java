package io.vgtx.core.store;

import io.vgtx.core.bank.EntryData;

import java.util.Iterator;
import java.util.Optional;

/**
 * Entries pulled one at a time, so an import of any size runs in constant memory. A parser implements
 * this directly; whatever it throws aborts the import and rolls it back.
 */
@FunctionalInterface
public interface EntrySource {
    /** The next entry, or empty at the end. */
    Optional<EntryData> next() throws Exception;

    static EntrySource of(Iterator<EntryData> entries) {
        return () -> entries.hasNext() ? Optional.of(entries.next()) : Optional.empty();
    }

    static EntrySource of(Iterable<EntryData> entries) {
        return of(entries.iterator());
    }
}
