package io.vgtx.core.store;

import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryRules;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeKind;
import io.vgtx.core.changelog.ChangeWriter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One import into one bank, inside one write transaction. Entries are written in batches, so memory
 * stays constant however long the source is; the transaction makes the whole import atomic.
 */
final class EntryImport {
    /** Entries per round trip: large enough that statement overhead vanishes, small enough for any IN list. */
    private static final int BATCH_SIZE = 1000;

    private final Bank bank;
    private final String sourceOrganisation;
    private final Instant at;
    private final EntryTable entries;
    private final ChangeWriter changes;
    /** Told of each entry this import retracts, after its batch is written, as a retraction over the API would be. */
    private final Consumer<Entry> retracted;
    private final Map<HashKey, EntryData> batch = new LinkedHashMap<>();
    /** Present when the bank was empty at the start: then only a hash added by this import can be in it. */
    private final Optional<SeenHashes> seen;
    private long lastId;
    private long added;
    private long updated;
    private long unchanged;

    EntryImport(Bank bank, String sourceOrganisation, Instant at, EntryTable entries, ChangeWriter changes,
                Consumer<Entry> retracted) {
        this.retracted = retracted;
        this.bank = bank;
        this.sourceOrganisation = sourceOrganisation;
        this.at = at;
        this.entries = entries;
        this.changes = changes;
        this.lastId = entries.lastId();
        this.seen = entries.bankIsEmpty(bank.id()) ? Optional.of(new SeenHashes()) : Optional.empty();
    }

    /** A planned write of entry {@code id}: {@code stored} is empty for a new entry. */
    private record Pending(long id, Optional<Entry> stored, EntryData data, ChangeKind kind, long seq) {}

    ImportResult run(EntrySource source) {
        for (Optional<EntryData> next = next(source); next.isPresent(); next = next(source)) add(next.get());
        flush();
        return new ImportResult(added, updated, unchanged);
    }

    /** The source's next entry, held to {@link EntryRules} whichever way it came in (an importer names the line first). */
    private Optional<EntryData> next(EntrySource source) {
        try {
            return source.next().map(data -> EntryRules.check(data, at));
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            throw new ImportFailedException(bank.name(), added + updated + unchanged + batch.size(), e);
        }
    }

    private void add(EntryData data) {
        HashKey key = HashKey.of(data);
        // A hash repeated within one batch must find its first occurrence stored, to merge with it.
        if (batch.containsKey(key)) flush();
        batch.put(key, EntryMerge.storable(data));
        if (batch.size() == BATCH_SIZE) flush();
    }

    private void flush() {
        if (batch.isEmpty()) return;
        Map<HashKey, Entry> stored = entries.findInBank(bank.id(), keysToLookUp());
        List<Pending> pending = new ArrayList<>();
        batch.forEach((key, incoming) -> plan(Optional.ofNullable(stored.get(key)), incoming).ifPresent(pending::add));
        write(pending);
        seen.ifPresent(hashes -> batch.keySet().forEach(hashes::add));
        batch.clear();
    }

    /** The hashes of the batch that may be stored already. */
    private Collection<HashKey> keysToLookUp() {
        return seen.map(hashes -> batch.keySet().stream().filter(hashes::mightContain).toList())
                .orElseGet(() -> List.copyOf(batch.keySet()));
    }

    /** What adding {@code incoming} does, counted; empty when it changes nothing. */
    private Optional<Pending> plan(Optional<Entry> stored, EntryData incoming) {
        if (stored.isEmpty()) {
            added++;
            return Optional.of(new Pending(++lastId, stored, EntryMerge.withBankDefaults(incoming, bank), ChangeKind.ADD, changes.nextSeq()));
        }
        EntryData before = stored.get().data();
        EntryData after = EntryMerge.merge(before, incoming);
        if (after.equals(before)) {
            unchanged++;
            return Optional.empty();
        }
        updated++;
        boolean retracts = before.state() == EntryState.ACTIVE && after.state() == EntryState.RETRACTED;
        return Optional.of(new Pending(stored.get().id(), stored, after, retracts ? ChangeKind.RETRACT : ChangeKind.UPDATE, changes.nextSeq()));
    }

    private void write(List<Pending> pending) {
        entries.insert(bank.id(), sourceOrganisation, rows(pending, false));
        entries.update(rows(pending, true));
        Map<Long, List<Grade>> newGrades = new HashMap<>();
        List<Change> log = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            newGrades.put(p.id(), p.stored().map(s -> EntryMerge.newGrades(s.data(), p.data())).orElse(p.data().grades()));
            log.add(new Change(p.seq(), bank.id(), p.id(), p.kind(), at, p.data().type(), p.data().value(), p.data().state()));
        }
        entries.insertGrades(newGrades);
        changes.append(log);
        for (Pending p : pending) {
            if (p.kind() == ChangeKind.RETRACT) {
                Entry before = p.stored().orElseThrow();
                retracted.accept(new Entry(p.id(), bank.id(), bank.name(), before.sourceOrganisation(), p.data(), p.seq()));
            }
        }
    }

    private static List<EntryTable.Row> rows(List<Pending> pending, boolean stored) {
        return pending.stream()
                .filter(p -> p.stored().isPresent() == stored)
                .map(p -> new EntryTable.Row(p.id(), p.data(), p.seq()))
                .toList();
    }
}
