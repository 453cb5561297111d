package io.vgtx.core.store;

import io.vgtx.core.names.Skeleton;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.changelog.Change;
import io.vgtx.core.changelog.ChangeKind;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.changelog.ChangeWriter;
import io.vgtx.core.input.CleanText;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Banks and their entries. Every change to an entry is written together with its change-log row, in
 * one transaction; an import is one transaction, so a bad file adds nothing.
 */
public final class BankStore {
    private static final int PAGE_SIZE = 1000;

    private final Database database;
    private final InstantSource clock;

    public BankStore(Database database) {
        this(database, InstantSource.system());
    }

    public BankStore(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /** @throws AlreadyExistsException when a bank has that name */
    public Bank createBank(String name, String owner, Optional<Category> defaultCategory, Distribution defaultDistribution) {
        return createBank(name, owner, defaultCategory, defaultDistribution, AlsoInTransaction.nothing());
    }

    /** As {@link #createBank(String, String, Optional, Distribution)}, running {@code also} in the same transaction (e.g. to audit it). */
    public Bank createBank(String name, String owner, Optional<Category> defaultCategory, Distribution defaultDistribution,
                           AlsoInTransaction<Bank> also) {
        String bankName = requireText(name, "bank name");
        String ownerName = requireText(owner, "owner");
        return database.write(handle -> {
            if (findBank(handle, bankName).isPresent()) throw new AlreadyExistsException("bank '" + bankName + "' already exists");
            // A look-alike of one of the owner's banks would take imports and exports meant for the other.
            String skeleton = Skeleton.of(bankName);
            Optional<String> lookAlike = handle.createQuery("SELECT name FROM banks WHERE owner = :owner AND name_skeleton = :skeleton")
                    .bind("owner", ownerName).bind("skeleton", skeleton).mapTo(String.class).findOne();
            if (lookAlike.isPresent()) throw new AlreadyExistsException("bank name '" + bankName + "' looks like " + ownerName
                    + "'s bank '" + lookAlike.get() + "' (the same after Unicode look-alike letters, case and spaces are set aside)");
            handle.createUpdate("""
                            INSERT INTO banks (name, owner, default_category, default_distribution, created_at, name_skeleton)
                            VALUES (:name, :owner, :category, :distribution, :created, :skeleton)""")
                    .bind("skeleton", skeleton)
                    .bind("name", bankName)
                    .bind("owner", ownerName)
                    .bind("category", defaultCategory.map(Category::name).orElse(null))
                    .bind("distribution", defaultDistribution.name())
                    .bind("created", now().toEpochMilli())
                    .execute();
            Bank bank = findBank(handle, bankName).orElseThrow();
            also.run(handle, bank);
            return bank;
        });
    }

    public Optional<Bank> findBank(String name) {
        return database.jdbi().withHandle(handle -> findBank(handle, name));
    }

    public Optional<Bank> findBank(long id) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM banks WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> bank(rs))
                .findOne());
    }

    /** Every bank, by name, with its active entries counted per hash type. */
    public List<BankSummary> listBanks() {
        return database.read(handle -> {
            Map<Long, Map<SignalType, Long>> counts = new HashMap<>();
            handle.createQuery("SELECT bank_id, type, SUM(active) AS n FROM bank_entry_counts GROUP BY bank_id, type HAVING SUM(active) > 0")
                    .map((rs, ctx) -> new TypeCount(rs.getLong("bank_id"), SignalTypes.byName(rs.getString("type")), rs.getLong("n")))
                    .forEach(c -> counts.computeIfAbsent(c.bankId(), id -> new HashMap<>()).put(c.type(), c.count()));
            return handle.createQuery("SELECT * FROM banks ORDER BY name")
                    .map((rs, ctx) -> bank(rs))
                    .map(bank -> new BankSummary(bank, inTypeOrder(counts.getOrDefault(bank.id(), Map.of()))))
                    .list();
        });
    }

    /**
     * Adds entries to a bank, all or nothing, reading {@code source} as it goes. A new hash gets the
     * bank's defaults and an ADD change. A hash the bank holds already is merged with what is stored
     * (fields given replace stored ones, absent fields keep theirs, grades and metadata are united,
     * first seen keeps the earliest, the state is the one given, the source organisation stays the
     * first one): an UPDATE change (RETRACT if it became retracted) when that changes anything,
     * otherwise nothing is written and it counts as unchanged.
     *
     * @throws NotFoundException     when there is no such bank
     * @throws ImportFailedException when the source throws; nothing was added
     */
    public ImportResult addEntries(String bank, String sourceOrganisation, EntrySource entries) {
        return addEntries(bank, sourceOrganisation, entries, AlsoInTransaction.nothing());
    }

    /** As {@link #addEntries(String, String, EntrySource)}, running {@code also} in the same transaction. */
    public ImportResult addEntries(String bank, String sourceOrganisation, EntrySource entries, AlsoInTransaction<ImportResult> also) {
        return addEntries(bank, sourceOrganisation, entries, AlsoInTransaction.nothing(), also);
    }

    /**
     * As {@link #addEntries(String, String, EntrySource, AlsoInTransaction)}, running {@code retracted} in the same
     * transaction for each entry the source retracts (an active entry it gives as retracted): those who relied on it
     * are told as when it is retracted on its own ({@link #retract(String, SignalType, String, AlsoInTransaction)}).
     */
    public ImportResult addEntries(String bank, String sourceOrganisation, EntrySource entries, AlsoInTransaction<Entry> retracted,
                                   AlsoInTransaction<ImportResult> also) {
        String source = requireText(sourceOrganisation, "source organisation");
        return database.write(handle -> {
            ImportResult result = new EntryImport(requireBank(handle, bank), source, now(),
                    new EntryTable(handle), new ChangeWriter(handle), entry -> retracted.run(handle, entry)).run(entries);
            also.run(handle, result);
            return result;
        });
    }

    /**
     * Marks an entry retracted, with a RETRACT change; retracting it again changes nothing.
     *
     * @return the entry as it is now
     * @throws NotFoundException when there is no such bank, or no such hash in it
     * @throws IllegalArgumentException when {@code value} is not a valid hash of {@code type}
     */
    public Entry retract(String bank, SignalType type, String value) {
        return retract(bank, type, value, AlsoInTransaction.nothing());
    }

    /** As {@link #retract(String, SignalType, String)}, running {@code also} in the same transaction (e.g. telling the cases that link it). */
    public Entry retract(String bank, SignalType type, String value, AlsoInTransaction<Entry> also) {
        HashKey key = new HashKey(type, type.normalize(value));
        return database.write(handle -> {
            Bank found = requireBank(handle, bank);
            Entry entry = Optional.ofNullable(new EntryTable(handle).findInBank(found.id(), List.of(key)).get(key))
                    .orElseThrow(() -> new NotFoundException("bank '" + found.name() + "' has no " + type.name() + " entry " + key.value()));
            Entry retracted = retract(handle, entry);
            also.run(handle, retracted);
            return retracted;
        });
    }

    /**
     * Marks the entry with this id retracted, as {@link #retract(String, SignalType, String)}.
     *
     * @throws NotFoundException when there is no such entry
     */
    public Entry retract(long entryId) {
        return retract(entryId, AlsoInTransaction.nothing());
    }

    /** As {@link #retract(long)}, running {@code also} in the same transaction. */
    public Entry retract(long entryId, AlsoInTransaction<Entry> also) {
        return database.write(handle -> {
            Entry entry = retract(handle, new EntryTable(handle)
                    .select("WHERE e.id = :id", q -> q.bind("id", entryId)).stream().findFirst()
                    .orElseThrow(() -> new NotFoundException("no entry " + entryId)));
            also.run(handle, entry);
            return entry;
        });
    }

    /** A page of a bank's entries in id order, retracted ones included. */
    public List<Entry> entries(long bankId, long afterId, int limit) {
        return database.jdbi().withHandle(handle -> new EntryTable(handle).select(
                "WHERE e.bank_id = :bank AND e.id > :after ORDER BY e.id LIMIT :limit",
                q -> q.bind("bank", bankId).bind("after", afterId).bind("limit", limit)));
    }

    /** Entries by id, in no particular order; ids with no entry are left out. */
    public List<Entry> entries(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return database.jdbi().withHandle(handle -> new EntryTable(handle).select(
                "WHERE e.id IN (<ids>)", q -> q.bindList("ids", List.copyOf(ids))));
    }

    /**
     * Active entries per bank, hash type, category and distribution, from the kept counts (a few rows, not a count of
     * the entries): what a listing of banks and the entry statistics show each organisation, filtered by what it may see.
     */
    public List<ActiveCount> activeCounts() {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT bank_id, type, category, distribution, active FROM bank_entry_counts WHERE active > 0")
                .map((rs, ctx) -> new ActiveCount(rs.getLong("bank_id"), SignalTypes.byName(rs.getString("type")),
                        Optional.of(rs.getString("category")).filter(c -> !c.equals(EntryTable.NO_CATEGORY)).map(Category::valueOf),
                        Distribution.valueOf(rs.getString("distribution")), rs.getLong("active")))
                .list());
    }

    /** How many active entries of a bank have this hash type, category (none: empty) and distribution. */
    public record ActiveCount(long bankId, SignalType type, Optional<Category> category, Distribution distribution, long count) {}

    /** Whether the bank has an active entry of one of these distributions; stops at the first it finds. */
    public boolean hasActiveEntry(long bankId, java.util.Set<Distribution> distributions) {
        if (distributions.isEmpty()) return false;
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT 1 FROM entries WHERE bank_id = :bank AND state = :active AND distribution IN (<distributions>) LIMIT 1""")
                .bind("bank", bankId)
                .bind("active", EntryState.ACTIVE.name())
                .bindList("distributions", distributions.stream().map(Distribution::name).toList())
                .mapTo(Integer.class)
                .findOne()
                .isPresent());
    }

    /** Every bank, by name. */
    public List<Bank> banks() {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT * FROM banks ORDER BY name").map((rs, ctx) -> bank(rs)).list());
    }

    private Entry retract(Handle handle, Entry entry) {
        if (entry.data().state() == EntryState.RETRACTED) return entry;
        ChangeWriter changes = new ChangeWriter(handle);
        long seq = changes.nextSeq();
        EntryData retracted = entry.data().withState(EntryState.RETRACTED);
        new EntryTable(handle).update(List.of(new EntryTable.Row(entry.id(), retracted, seq)));
        changes.append(List.of(new Change(seq, entry.bankId(), entry.id(), ChangeKind.RETRACT, now(),
                entry.data().type(), entry.data().value(), EntryState.RETRACTED)));
        return new Entry(entry.id(), entry.bankId(), entry.bankName(), entry.sourceOrganisation(), retracted, seq);
    }

    /**
     * Streams every entry of every bank in id order (the order they were added), retracted ones
     * included, from one consistent snapshot; memory stays constant.
     *
     * @return the change-log sequence number the snapshot includes: follow {@link ChangeLog#changesAfter} from there
     */
    public long forEachEntry(Consumer<Entry> consumer) {
        return database.read(handle -> {
            forEachEntry(handle, consumer);
            return ChangeLog.lastSeq(handle);
        });
    }

    /**
     * As {@link #forEachEntry(Consumer)}, for one bank, ordered by type and hash: an export does not
     * depend on the order entries arrived in.
     *
     * @throws NotFoundException when there is no such bank
     */
    public long forEachEntry(String bank, Consumer<Entry> consumer) {
        return database.read(handle -> {
            forEachEntry(handle, requireBank(handle, bank).id(), consumer);
            return ChangeLog.lastSeq(handle);
        });
    }

    /**
     * Streams the id and hash of every active entry, from one consistent snapshot, reading only those
     * three columns: what a match index loads at start-up, several times faster than whole entries.
     *
     * @return the change-log sequence number the snapshot includes
     */
    public long forEachActiveHash(Consumer<ActiveHash> consumer) {
        Map<String, SignalType> types = new HashMap<>();
        return database.read(handle -> {
            try (var rows = handle.createQuery("SELECT id, type, value FROM entries WHERE state = :active ORDER BY id")
                    .bind("active", EntryState.ACTIVE.name())
                    .setFetchSize(PAGE_SIZE)
                    .map((rs, ctx) -> new ActiveHash(rs.getLong(1), types.computeIfAbsent(rs.getString(2), SignalTypes::byName), rs.getString(3)))
                    .stream()) {
                rows.forEach(consumer);
            }
            return ChangeLog.lastSeq(handle);
        });
    }

    /** Every bank's entry for this hash, retracted ones included. @throws IllegalArgumentException for an invalid hash */
    public List<Entry> findEntries(SignalType type, String value) {
        String normalized = type.normalize(value);
        return database.jdbi().withHandle(handle -> new EntryTable(handle).select(
                // One probe of the (bank, type, value) index per bank.
                "WHERE e.bank_id IN (SELECT id FROM banks) AND e.type = :type AND e.value = :value ORDER BY e.id",
                q -> q.bind("type", type.name()).bind("value", normalized)));
    }

    public Optional<Entry> entry(long id) {
        return database.jdbi().withHandle(handle -> new EntryTable(handle)
                .select("WHERE e.id = :id", q -> q.bind("id", id)).stream().findFirst());
    }

    /** Pages in id order through the primary key. */
    private static void forEachEntry(Handle handle, Consumer<Entry> consumer) {
        EntryTable entries = new EntryTable(handle);
        long after = 0;
        List<Entry> page;
        do {
            long from = after;
            page = entries.select("WHERE e.id > :after ORDER BY e.id LIMIT :limit",
                    q -> q.bind("after", from).bind("limit", PAGE_SIZE));
            page.forEach(consumer);
            if (!page.isEmpty()) after = page.getLast().id();
        } while (page.size() == PAGE_SIZE);
    }

    /** Pages in hash order through the bank's unique (bank, type, value) index. */
    private static void forEachEntry(Handle handle, long bankId, Consumer<Entry> consumer) {
        EntryTable entries = new EntryTable(handle);
        List<Entry> page = entries.select("WHERE e.bank_id = :bank ORDER BY e.type, e.value LIMIT :limit",
                q -> q.bind("bank", bankId).bind("limit", PAGE_SIZE));
        while (true) {
            page.forEach(consumer);
            if (page.size() < PAGE_SIZE) return;
            EntryData last = page.getLast().data();
            page = entries.select("WHERE e.bank_id = :bank AND (e.type, e.value) > (:type, :value) ORDER BY e.type, e.value LIMIT :limit",
                    q -> q.bind("bank", bankId).bind("type", last.type().name()).bind("value", last.value()).bind("limit", PAGE_SIZE));
        }
    }

    private record TypeCount(long bankId, SignalType type, long count) {}

    private static Bank requireBank(Handle handle, String name) {
        return findBank(handle, name).orElseThrow(() -> new NotFoundException("no bank named '" + name + "'"));
    }

    private static Optional<Bank> findBank(Handle handle, String name) {
        return handle.createQuery("SELECT * FROM banks WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> bank(rs))
                .findOne();
    }

    private static Bank bank(ResultSet rs) throws SQLException {
        return new Bank(rs.getLong("id"), rs.getString("name"), rs.getString("owner"),
                Optional.ofNullable(rs.getString("default_category")).map(Category::valueOf),
                Distribution.valueOf(rs.getString("default_distribution")),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static Map<SignalType, Long> inTypeOrder(Map<SignalType, Long> counts) {
        Map<SignalType, Long> ordered = new LinkedHashMap<>();
        for (SignalType type : SignalTypes.ALL) if (counts.containsKey(type)) ordered.put(type, counts.get(type));
        return ordered;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Bank and organisation names are shown in lists, matches and audit events. */
    public static final int MAX_NAME = 200;

    private static String requireText(String text, String what) {
        return CleanText.name(what, text, MAX_NAME);
    }
}
