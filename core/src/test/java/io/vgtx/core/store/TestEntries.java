package io.vgtx.core.store;

import io.vgtx.core.bank.EntryData;
import io.vgtx.core.signal.PdqSignal;

import java.util.Optional;
import java.util.stream.IntStream;

/** Entries for tests: distinct, valid hashes numbered {@code n}. */
public final class TestEntries {
    private TestEntries() {}

    public static String pdqHash(int n) {
        return "%064x".formatted(n);
    }

    public static EntryData pdq(int n) {
        return EntryData.of(PdqSignal.PDQ, pdqHash(n));
    }

    /** PDQ entries {@code from} to {@code to - 1}. */
    public static EntrySource pdqs(int from, int to) {
        return EntrySource.of(IntStream.range(from, to).mapToObj(TestEntries::pdq).iterator());
    }

    /** Delivers {@code count} good entries, then throws as a parser does on a malformed line. */
    public static EntrySource failingAfter(int count) {
        int[] delivered = {0};
        return () -> {
            if (delivered[0] == count) throw new IllegalStateException("line " + (count + 1) + ": not a PDQ hash");
            return Optional.of(pdq(delivered[0]++));
        };
    }
}
