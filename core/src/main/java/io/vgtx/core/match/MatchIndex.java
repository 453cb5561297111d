package io.vgtx.core.match;

import io.vgtx.core.bank.EntryState;
import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.store.BankStore;
import io.vgtx.index.exact.ExactDigestIndex;
import io.vgtx.index.hamming.AdaptiveHammingIndex;
import io.vgtx.index.hamming.Code256;
import io.vgtx.index.hamming.HammingIndex;
import io.vgtx.index.hamming.HitSink;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.locks.ReentrantLock;

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

    /** Changes a snapshot may be behind before reloading from the database is the quicker way. */
    static final int MAX_CATCH_UP = 200_000;
    private static final Logger LOG = LoggerFactory.getLogger(MatchIndex.class);

    private final Map<SignalType, ExactDigestIndex> digests;
    private final HammingIndex pdq;
    /** Held while changes are applied: one catch-up at a time, in change-log order. */
    private final ReentrantLock applying = new ReentrantLock();
    /** Read without the lock: a lookup asks how far the index is, it never waits for a catch-up to say so. */
    private volatile long appliedSeq;

    private MatchIndex(HammingIndex pdq, Map<SignalType, ExactDigestIndex> digests, long appliedSeq) {
        this.pdq = pdq;
        this.digests = digests;
        this.appliedSeq = appliedSeq;
    }

    /** Loads every active entry from one consistent read of the store. */
    public static MatchIndex load(BankStore store) {
        Loaded loaded = read(store);
        return build(loaded.columns(), loaded.seq());
    }

    private record Loaded(HashColumns columns, long seq) {}

    private static Loaded read(BankStore store) {
        HashColumns columns = new HashColumns(1024);
        long seq = store.forEachActiveHash(hash -> {
            if (HashColumns.indexed(hash.type())) columns.add(hash.entryId(), hash.type(), hash.value());
        });
        return new Loaded(columns, seq);
    }

    /**
     * As {@link #load(BankStore)}, but starts from the snapshot file when it is valid for this database
     * and at most {@value #MAX_CATCH_UP} changes behind, then applies the changes since. Otherwise loads
     * from the store and writes a fresh snapshot (a failure to write it only costs the next start-up time).
     */
    public static MatchIndex load(BankStore store, ChangeLog log, Path snapshotFile) {
        Optional<IndexSnapshot.Snapshot> snapshot = IndexSnapshot.read(snapshotFile)
                .filter(s -> s.position().isIn(log) && log.lastSeq() - s.position().seq() <= MAX_CATCH_UP);
        if (snapshot.isPresent()) {
            MatchIndex index = build(snapshot.get().columns(), snapshot.get().position().seq());
            index.catchUp(log);
            return index;
        }
        Loaded loaded = read(store);
        try {
            IndexSnapshot.write(snapshotFile, IndexSnapshot.Position.of(log, loaded.seq()), loaded.columns());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not write the match index snapshot {}: {}", snapshotFile, e.toString());
        }
        return build(loaded.columns(), loaded.seq());
    }

    /** Digests one by one; PDQ hashes bulk-loaded, several times faster than adding them one at a time. */
    private static MatchIndex build(HashColumns columns, long seq) {
        Map<SignalType, ExactDigestIndex> digests = Map.of(
                DigestSignal.MD5, ExactDigestIndex.md5(),
                DigestSignal.SHA1, ExactDigestIndex.sha1(),
                DigestSignal.SHA256, ExactDigestIndex.sha256());
        int pdqCount = 0;
        for (int row = 0; row < columns.size(); row++) if (columns.type(row) instanceof PdqSignal) pdqCount++;
        long[] ids = new long[pdqCount];
        long[] codes = new long[4 * pdqCount];
        for (int row = 0, p = 0; row < columns.size(); row++) {
            SignalType type = columns.type(row);
            if (type instanceof PdqSignal) {
                ids[p] = columns.id(row);
                for (int w = 0; w < 4; w++) codes[4 * p + w] = columns.word(row, w);
                p++;
            } else {
                ExactDigestIndex exact = digests.get(type);
                exact.add(columns.digest(row, exact.digestLength()), columns.id(row));
            }
        }
        return new MatchIndex(AdaptiveHammingIndex.bulkLoad(ids, codes), digests, seq);
    }

    /**
     * Applies every change logged since this index was last brought up to date, waiting for a catch-up already under
     * way to finish first; returns how many it applied.
     */
    public int catchUp(ChangeLog log) {
        applying.lock();
        try {
            return applyAll(log);
        } finally {
            applying.unlock();
        }
    }

    /**
     * As {@link #catchUp}, unless another catch-up is under way: then it returns at once (empty), and the caller goes
     * on with the index as it is — lookups keep being served while a large import's million changes go in (~10 s),
     * each seeing those applied so far.
     */
    public OptionalInt catchUpUnlessBusy(ChangeLog log) {
        if (!applying.tryLock()) return OptionalInt.empty();
        try {
            return OptionalInt.of(applyAll(log));
        } finally {
            applying.unlock();
        }
    }

    private int applyAll(ChangeLog log) {
        int applied = 0;
        for (List<Change> page; !(page = log.changesAfter(appliedSeq, CHANGE_PAGE)).isEmpty(); ) {
            for (Change change : page) apply(change);
            applied += page.size();
        }
        return applied;
    }

    /** The change-log position this index reflects. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /** The lock a catch-up holds: tests hold it to stand for a long catch-up under way. */
    ReentrantLock catchUpLock() {
        return applying;
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
