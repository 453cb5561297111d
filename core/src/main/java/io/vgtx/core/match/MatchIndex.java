package io.vgtx.core.match;

import io.vgtx.core.bank.EntryState;
import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.store.BankStore;
import io.vgtx.index.exact.ExactDigestIndex;
import io.vgtx.index.hamming.Code256;
import io.vgtx.index.hamming.HammingIndex;
import io.vgtx.index.hamming.HitSink;
import io.vgtx.index.hamming.MultiIndexHammingIndex;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Every active entry of every bank, in memory, ready to match: an exact set per digest type and a
 * Hamming index for PDQ. It is one consumer of the change log: built from a snapshot of the store, then
 * kept current by applying the changes after that snapshot, one by one — an added or retracted entry
 * matches (or stops matching) at the very next query, with no rebuild.
 *
 * <p>Thread-safe: the indexes take concurrent lookups; changes are applied one at a time.
 */
public final class MatchIndex {
    private static final int CHANGE_PAGE = 10_000;

    private final Map<SignalType, ExactDigestIndex> digests = Map.of(
            DigestSignal.MD5, ExactDigestIndex.md5(),
            DigestSignal.SHA1, ExactDigestIndex.sha1(),
            DigestSignal.SHA256, ExactDigestIndex.sha256());
    private final HammingIndex pdq = new MultiIndexHammingIndex();
    private long appliedSeq;

    private MatchIndex() {}

    /** Loads every active entry from one snapshot of the store. */
    public static MatchIndex load(BankStore store) {
        MatchIndex index = new MatchIndex();
        index.appliedSeq = store.forEachEntry(entry -> {
            if (entry.data().state() == EntryState.ACTIVE) index.add(entry.id(), entry.data().type(), entry.data().value());
        });
        return index;
    }

    /** Applies every change logged since this index was last brought up to date; returns how many. */
    public synchronized int catchUp(ChangeLog log) {
        int applied = 0;
        for (List<Change> page; !(page = log.changesAfter(appliedSeq, CHANGE_PAGE)).isEmpty(); ) {
            for (Change change : page) apply(change);
            applied += page.size();
        }
        return applied;
    }

    /** The change-log position this index reflects. */
    public synchronized long appliedSeq() {
        return appliedSeq;
    }

    private void apply(Change change) {
        if (change.seq() <= appliedSeq) return;
        if (change.state() == EntryState.ACTIVE) add(change.entryId(), change.type(), change.value());
        else remove(change.entryId(), change.type(), change.value());
        appliedSeq = change.seq();
    }

    private void add(long id, SignalType type, String value) {
        if (type instanceof PdqSignal) pdq.add(id, Code256.fromHex(value));
        else if (digests.containsKey(type)) digests.get(type).add(HexFormat.of().parseHex(value), id);
        // Opaque types (PhotoDNA) are stored and exchanged, never matched here.
    }

    private void remove(long id, SignalType type, String value) {
        if (type instanceof PdqSignal) pdq.remove(id);
        else if (digests.containsKey(type)) digests.get(type).remove(HexFormat.of().parseHex(value), id);
    }

    /** Ids of the active entries with exactly this digest. */
    public long[] exact(DigestSignal type, String hex) {
        return digests.get(type).ids(HexFormat.of().parseHex(hex));
    }

    /** Reports every active PDQ entry within {@code radius} of {@code query}. */
    public void nearPdq(Code256 query, int radius, HitSink sink) {
        pdq.search(query, radius, sink);
    }

    /** Active entries held, by kind, for status output. */
    public Map<String, Long> sizes() {
        return Map.of("MD5", (long) digests.get(DigestSignal.MD5).size(), "SHA1", (long) digests.get(DigestSignal.SHA1).size(),
                "SHA256", (long) digests.get(DigestSignal.SHA256).size(), "PDQ", (long) pdq.size());
    }
}
