package io.vgtx.bench.crash;

import io.vgtx.core.bank.EntryState;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.store.BankStore;
import io.vgtx.index.hamming.Code256;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether a match index holds exactly the database's active entries: every active MD5, SHA-1, SHA-256 and PDQ entry is
 * in it under its own id (PDQ at distance 0), no retracted one is, and it holds no more than that. The crash test runs
 * it after every restart, on an index loaded as {@code vgtx scan} loads it (snapshot, then the changes since), so a
 * snapshot left by a killed process that a start-up trusted but that does not fit the database is caught.
 *
 * <p>It reads the raw index, not the matcher: the matcher reads matches back from the database and drops retracted
 * ones, which would hide an index that still holds them.
 */
public final class IndexConsistency {
    /** Enough to see what went wrong; a broken index would otherwise print a line per entry. */
    private static final int MAX_PROBLEMS = 20;

    /**
     * @param seq       the change-log position both sides were compared at
     * @param problems  the first differences found, empty when the index is the database's
     */
    public record Report(long seq, long active, long retracted, long indexed, List<String> problems) {
        public boolean consistent() {
            return problems.isEmpty();
        }
    }

    private IndexConsistency() {}

    /**
     * Compares {@code index}, brought up to date first, with one consistent read of {@code store}. Writes made between the
     * two are told apart by the change-log position and reported as a problem (the caller runs the check on a quiet node).
     */
    public static Report check(BankStore store, MatchIndex index, io.vgtx.core.changelog.ChangeLog log) {
        index.catchUp(log);
        List<String> problems = new ArrayList<>();
        long[] counts = new long[3]; // active indexed, retracted, active of every indexed type
        long seq = store.forEachEntry(entry -> {
            SignalType type = entry.data().type();
            if (!(type instanceof PdqSignal) && !(type instanceof DigestSignal)) return; // PhotoDNA: stored, never matched
            boolean active = entry.data().state() == EntryState.ACTIVE;
            boolean held = holds(index, entry.id(), type, entry.data().value());
            if (active) counts[0]++;
            else counts[1]++;
            if (active != held && problems.size() < MAX_PROBLEMS)
                problems.add("entry " + entry.id() + " (" + type.name() + " " + entry.data().value() + ") is " + entry.data().state()
                        + " in the database but " + (held ? "still in" : "missing from") + " the match index");
        });
        if (seq != index.appliedSeq())
            problems.add("the database moved on during the check: change " + seq + ", the index at " + index.appliedSeq());
        long indexed = index.sizes().values().stream().mapToLong(Long::longValue).sum();
        if (indexed != counts[0])
            problems.add("the match index holds " + indexed + " entries, the database " + counts[0] + " active ones");
        return new Report(seq, counts[0], counts[1], indexed, List.copyOf(problems));
    }

    private static boolean holds(MatchIndex index, long id, SignalType type, String value) {
        if (type instanceof DigestSignal digest) return Arrays.stream(index.exact(digest, value)).anyMatch(found -> found == id);
        boolean[] found = {false};
        index.nearPdq(Code256.fromHex(value), 0, (hit, distance) -> found[0] |= hit == id);
        return found[0];
    }
}
