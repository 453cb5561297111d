package io.vgtx.core.match;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.store.BankStore;
import io.vgtx.hashing.digest.Digests;
import io.vgtx.hashing.pdq.Dihedral;
import io.vgtx.hashing.pdq.PdqHash;
import io.vgtx.hashing.pdq.PdqResult;
import io.vgtx.index.hamming.Code256;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the known entries that content matches: its digests exactly, and its PDQ hash — all eight
 * rotations and mirrors of it, so a flipped or turned copy still matches — within the threshold. Each
 * entry is reported once, by its closest variant. Thread-safe.
 */
public final class Matcher {
    private static final int ENTRY_BATCH = 500;
    /** An id no entry has (ids start at 1). */
    private static final long NO_ENTRY = -1;
    private final BankStore store;
    private final MatchIndex index;

    public Matcher(BankStore store, MatchIndex index) {
        this.store = store;
        this.index = index;
    }

    public MatchResult match(MatchQuery query) {
        List<Found> found = new ArrayList<>();
        query.digests().ifPresent(digests -> findDigests(digests, found));
        boolean lowQuality = query.pdq().map(PdqResult::isLowQuality).orElse(false);
        if (!lowQuality) query.pdq().ifPresent(pdq -> findPdq(pdq, query.threshold(), found));
        List<Match> visible = resolve(found, entries(found.stream().map(Found::id).distinct().toList())).stream()
                .filter(m -> query.bank().map(b -> b.equals(m.entry().bankName())).orElse(true))
                .toList();
        return new MatchResult(visible, lowQuality);
    }

    /**
     * The active entries one hash matches: equal digests, or PDQ hashes within {@code threshold} of it (a bare
     * hash has no rotations or mirrors to try, so every PDQ match is {@link Dihedral#ORIG}); opaque types never
     * match. Best first.
     *
     * @throws IllegalArgumentException when {@code value} is not a valid hash of {@code type}
     */
    public List<Match> matchHash(SignalType type, String value, int threshold) {
        return matchHashes(List.of(new Lookup(type, value)), threshold, false).getFirst();
    }

    /** One bare hash to look up. */
    public record Lookup(SignalType type, String value) {}

    /**
     * What {@link #matchHash} gives for each hash, in order. The index is searched for every hash first (on all cores
     * when {@code parallel}), then the entries found are read from the database in one batch: a request of many
     * hashes costs one read, not one per hit.
     *
     * @throws IllegalArgumentException when a value is not a valid hash of its type
     */
    public List<List<Match>> matchHashes(List<Lookup> lookups, int threshold, boolean parallel) {
        List<List<Found>> found = (parallel ? lookups.parallelStream() : lookups.stream()).map(l -> find(l, threshold)).toList();
        Map<Long, Entry> entries = entries(found.stream().flatMap(List::stream).map(Found::id).distinct().toList());
        return found.stream().map(hits -> resolve(hits, entries)).toList();
    }

    /** The hits whose entries exist and are active, as matches, best first. */
    private static List<Match> resolve(List<Found> hits, Map<Long, Entry> entries) {
        return hits.stream()
                .flatMap(hit -> Optional.ofNullable(entries.get(hit.id())).stream()
                        .map(e -> new Match(e, hit.type(), hit.distance(), hit.transform())))
                .filter(m -> m.entry().data().state() == EntryState.ACTIVE)
                .sorted(Match.BEST_FIRST).toList();
    }

    /** An index hit, before its entry is read. */
    private record Found(long id, SignalType type, int distance, Optional<Dihedral> transform) {}

    private List<Found> find(Lookup lookup, int threshold) {
        String normalized = lookup.type().normalize(lookup.value());
        List<Found> found = new ArrayList<>();
        switch (lookup.type()) {
            case DigestSignal digest -> {
                for (long id : index.exact(digest, normalized)) found.add(new Found(id, digest, 0, Optional.empty()));
            }
            case PdqSignal _ -> index.nearPdq(code(PdqHash.fromHex(normalized)), threshold,
                    (id, distance) -> found.add(new Found(id, PdqSignal.PDQ, distance, Optional.of(Dihedral.ORIG))));
            case PhotoDnaSignal _ -> { }
        }
        return found;
    }

    /** Reads in chunks, so that a request of 10 000 hashes with many hits stays within every database's bind limit. */
    private Map<Long, Entry> entries(List<Long> ids) {
        if (ids.isEmpty()) {
            // A lookup that found nothing reads once, as one that found something does, so that the time of an answer
            // does not say whether an entry the asker may not see matched (issue 14): one indexed read of no row.
            store.entries(List.of(NO_ENTRY));
            return Map.of();
        }
        Map<Long, Entry> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += ENTRY_BATCH) {
            for (Entry e : store.entries(ids.subList(from, Math.min(ids.size(), from + ENTRY_BATCH)))) byId.put(e.id(), e);
        }
        return byId;
    }

    private void findDigests(Digests digests, List<Found> found) {
        Map<DigestSignal, String> values = Map.of(DigestSignal.MD5, digests.md5(), DigestSignal.SHA1, digests.sha1(), DigestSignal.SHA256, digests.sha256());
        values.forEach((type, value) -> {
            for (long id : index.exact(type, value)) found.add(new Found(id, type, 0, Optional.empty()));
        });
    }

    private void findPdq(PdqResult pdq, int threshold, List<Found> found) {
        Map<Long, Nearest> nearest = new LinkedHashMap<>();
        for (Map.Entry<Dihedral, PdqHash> variant : variants(pdq).entrySet()) {
            index.nearPdq(code(variant.getValue()), threshold, (id, distance) ->
                    nearest.merge(id, new Nearest(distance, variant.getKey()), Nearest::closer));
        }
        nearest.forEach((id, best) -> found.add(new Found(id, PdqSignal.PDQ, best.distance(), Optional.of(best.transform()))));
    }

    /** The eight variants when the content was hashed with them, else just the hash itself. */
    private static Map<Dihedral, PdqHash> variants(PdqResult pdq) {
        if (pdq.hasDihedral()) return pdq.dihedral();
        Map<Dihedral, PdqHash> only = new HashMap<>();
        only.put(Dihedral.ORIG, pdq.hash());
        return only;
    }

    private static Code256 code(PdqHash hash) {
        return new Code256(hash.w0(), hash.w1(), hash.w2(), hash.w3());
    }

    /** The closest variant of the content to one entry; on a tie the earlier variant (orig first) wins. */
    private record Nearest(int distance, Dihedral transform) {
        Nearest closer(Nearest other) {
            if (other.distance != distance) return other.distance < distance ? other : this;
            return other.transform.ordinal() < transform.ordinal() ? other : this;
        }
    }
}
