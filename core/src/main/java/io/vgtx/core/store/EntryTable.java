package io.vgtx.core.store;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Grade;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

/** The SQL for entries and their grades, on one handle. Callers pass at most a batch of keys or ids at a time. */
final class EntryTable {
    private static final String SELECT = """
            SELECT e.id, e.bank_id, b.name AS bank_name, e.type, e.value, e.quality, e.category, e.series,
                   e.victim_identified, e.first_seen, e.source_organisation, e.distribution, e.state,
                   e.label, e.metadata, e.last_change_seq
            FROM entries e JOIN banks b ON b.id = e.bank_id
            """;

    /** How {@code bank_entry_counts} keys an entry without a category: a key column cannot be NULL. */
    static final String NO_CATEGORY = "";

    private final Handle handle;

    EntryTable(Handle handle) {
        this.handle = handle;
    }

    /** An entry's data as it is to be written by the change numbered {@code seq}. */
    record Row(long id, EntryData data, long seq) {}

    /** The entries of a bank with these hashes, with their grades. */
    Map<HashKey, Entry> findInBank(long bankId, Collection<HashKey> keys) {
        Map<HashKey, Entry> found = new HashMap<>();
        byType(keys).forEach((type, values) -> select(
                "WHERE e.bank_id = :bank AND e.type = :type AND e.value IN (<values>)",
                q -> q.bind("bank", bankId).bind("type", type.name()).bindList("values", values))
                .forEach(entry -> found.put(HashKey.of(entry.data()), entry)));
        return found;
    }

    boolean bankIsEmpty(long bankId) {
        return handle.createQuery("SELECT 1 FROM entries WHERE bank_id = :bank LIMIT 1")
                .bind("bank", bankId).mapTo(int.class).findFirst().isEmpty();
    }

    /** The highest entry id so far, 0 for none: new ids are assigned by the writer, counting on from here. */
    long lastId() {
        return handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM entries").mapTo(long.class).one();
    }

    /** Entries matching {@code where} (which may also order and limit), with their grades. */
    List<Entry> select(String where, UnaryOperator<Query> binder) {
        List<Entry> entries = binder.apply(handle.createQuery(SELECT + where)).map((rs, ctx) -> entry(rs)).list();
        return withGrades(entries);
    }

    /** Plain JDBC: binding through Jdbi cost a tenth of a large import's time. */
    void insert(long bankId, String sourceOrganisation, List<Row> rows) {
        if (rows.isEmpty()) return;
        try (PreparedStatement insert = handle.getConnection().prepareStatement("""
                INSERT INTO entries (id, bank_id, type, value, quality, category, series, victim_identified, first_seen,
                                     source_organisation, distribution, state, label, metadata, last_change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Row row : rows) {
                EntryData data = row.data();
                insert.setLong(1, row.id());
                insert.setLong(2, bankId);
                insert.setString(3, data.type().name());
                insert.setString(4, data.value());
                insert.setObject(5, data.quality().orElse(null), Types.INTEGER);
                insert.setString(6, data.category().map(Category::name).orElse(null));
                insert.setString(7, data.series().orElse(null));
                insert.setBoolean(8, data.victimIdentified());
                insert.setObject(9, data.firstSeen().map(Instant::toEpochMilli).orElse(null), Types.BIGINT);
                insert.setString(10, sourceOrganisation);
                insert.setString(11, data.distribution().orElseThrow().name());
                insert.setString(12, data.state().name());
                insert.setString(13, data.label().orElse(null));
                insert.setString(14, MetadataJson.write(data.metadata()));
                insert.setLong(15, row.seq());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot insert entries into bank " + bankId, e);
        }
        CountChanges counts = new CountChanges();
        for (Row row : rows) counts.add(bankId, row.data(), 1);
        counts.apply(handle);
    }

    void update(List<Row> rows) {
        if (rows.isEmpty()) return;
        CountChanges counts = new CountChanges();
        Map<Long, Row> byId = new HashMap<>();
        for (Row row : rows) byId.put(row.id(), row);
        // What each entry was, so the active counts move from its old category, distribution and state to its new ones.
        for (List<Long> chunk : chunks(List.copyOf(byId.keySet()))) {
            handle.createQuery("SELECT id, bank_id, type, category, distribution, state FROM entries WHERE id IN (<ids>)")
                    .bindList("ids", chunk)
                    .map((rs, ctx) -> {
                        long bank = rs.getLong("bank_id");
                        SignalType type = SignalTypes.byName(rs.getString("type"));
                        counts.add(new CountKey(bank, type, Distribution.valueOf(rs.getString("distribution")),
                                Optional.ofNullable(rs.getString("category")).map(Category::valueOf)), EntryState.valueOf(rs.getString("state")), -1);
                        counts.add(bank, byId.get(rs.getLong("id")).data(), 1);
                        return null;
                    })
                    .forEach(nothing -> { });
        }
        PreparedBatch batch = handle.prepareBatch("""
                UPDATE entries SET quality = :quality, category = :category, series = :series,
                                   victim_identified = :victimIdentified, first_seen = :firstSeen,
                                   distribution = :distribution, state = :state, label = :label,
                                   metadata = :metadata, last_change_seq = :seq
                WHERE id = :id""");
        for (Row row : rows) bindData(batch, row).bind("id", row.id()).add();
        batch.execute();
        counts.apply(handle);
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        int size = 500;
        return java.util.stream.IntStream.range(0, (ids.size() + size - 1) / size)
                .mapToObj(i -> ids.subList(i * size, Math.min(ids.size(), (i + 1) * size))).toList();
    }

    /** The key of {@code bank_entry_counts}: what the active entries are counted by. */
    private record CountKey(long bankId, SignalType type, Distribution distribution, Optional<Category> category) {}

    /** Net changes to {@code bank_entry_counts} of one write, added to the table in one statement per key. */
    private static final class CountChanges {
        private final Map<CountKey, Long> deltas = new HashMap<>();

        /** An entry of the bank as it is (or is to be) stored. */
        void add(long bankId, EntryData data, long delta) {
            add(new CountKey(bankId, data.type(), data.distribution().orElseThrow(), data.category()), data.state(), delta);
        }

        void add(CountKey key, EntryState state, long delta) {
            if (state == EntryState.ACTIVE) deltas.merge(key, delta, Long::sum);
        }

        void apply(Handle handle) {
            deltas.values().removeIf(delta -> delta == 0);
            if (deltas.isEmpty()) return;
            PreparedBatch batch = handle.prepareBatch("""
                    INSERT INTO bank_entry_counts (bank_id, type, distribution, category, active)
                    VALUES (:bank, :type, :distribution, :category, :delta)
                    ON CONFLICT (bank_id, type, distribution, category)
                    DO UPDATE SET active = bank_entry_counts.active + excluded.active""");
            deltas.forEach((key, delta) -> batch.bind("bank", key.bankId()).bind("type", key.type().name())
                    .bind("distribution", key.distribution().name())
                    .bind("category", key.category().map(Category::name).orElse(NO_CATEGORY))
                    .bind("delta", delta).add());
            batch.execute();
        }
    }

    void insertGrades(Map<Long, List<Grade>> gradesByEntry) {
        if (gradesByEntry.values().stream().allMatch(List::isEmpty)) return;
        PreparedBatch batch = handle.prepareBatch("""
                INSERT INTO entry_grades (entry_id, scheme, grade, graded_by, graded_at)
                VALUES (:entry, :scheme, :grade, :gradedBy, :gradedAt)""");
        gradesByEntry.forEach((entryId, grades) -> grades.forEach(grade -> batch
                .bind("entry", entryId)
                .bind("scheme", grade.scheme())
                .bind("grade", grade.grade())
                .bind("gradedBy", grade.gradedBy())
                .bind("gradedAt", grade.gradedAt() == null ? null : grade.gradedAt().toEpochMilli())
                .add()));
        batch.execute();
    }

    private static PreparedBatch bindData(PreparedBatch batch, Row row) {
        EntryData data = row.data();
        return batch.bind("quality", data.quality().orElse(null))
                .bind("category", data.category().map(Category::name).orElse(null))
                .bind("series", data.series().orElse(null))
                .bind("victimIdentified", data.victimIdentified())
                .bind("firstSeen", data.firstSeen().map(Instant::toEpochMilli).orElse(null))
                .bind("distribution", data.distribution().map(Distribution::name).orElseThrow())
                .bind("state", data.state().name())
                .bind("label", data.label().orElse(null))
                .bind("metadata", MetadataJson.write(data.metadata()))
                .bind("seq", row.seq());
    }

    private List<Entry> withGrades(List<Entry> entries) {
        if (entries.isEmpty()) return entries;
        Map<Long, List<Grade>> grades = handle.createQuery("""
                        SELECT entry_id, scheme, grade, graded_by, graded_at
                        FROM entry_grades WHERE entry_id IN (<ids>) ORDER BY id""")
                .bindList("ids", entries.stream().map(Entry::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("entry_id"), grade(rs)))
                .collect(groupingBy(Map.Entry::getKey, mapping(Map.Entry::getValue, toList())));
        if (grades.isEmpty()) return entries;
        return entries.stream()
                .map(e -> grades.containsKey(e.id()) ? withGrades(e, grades.get(e.id())) : e)
                .toList();
    }

    private static Entry withGrades(Entry entry, List<Grade> grades) {
        return new Entry(entry.id(), entry.bankId(), entry.bankName(), entry.sourceOrganisation(),
                entry.data().withGrades(grades), entry.lastChangeSeq());
    }

    private static Map<SignalType, List<String>> byType(Collection<HashKey> keys) {
        return keys.stream().collect(groupingBy(HashKey::type, mapping(HashKey::value, toList())));
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        EntryData data = new EntryData(
                SignalTypes.byName(rs.getString("type")),
                rs.getString("value"),
                optionalLong(rs, "quality").map(Math::toIntExact),
                Optional.ofNullable(rs.getString("category")).map(Category::valueOf),
                Optional.ofNullable(rs.getString("series")),
                rs.getBoolean("victim_identified"),
                optionalLong(rs, "first_seen").map(Instant::ofEpochMilli),
                Optional.of(Distribution.valueOf(rs.getString("distribution"))),
                Optional.ofNullable(rs.getString("label")),
                List.of(),
                MetadataJson.read(rs.getString("metadata")),
                EntryState.valueOf(rs.getString("state")));
        return new Entry(rs.getLong("id"), rs.getLong("bank_id"), rs.getString("bank_name"),
                rs.getString("source_organisation"), data, rs.getLong("last_change_seq"));
    }

    private static Grade grade(ResultSet rs) throws SQLException {
        return new Grade(rs.getString("scheme"), rs.getString("grade"), rs.getString("graded_by"),
                optionalLong(rs, "graded_at").map(Instant::ofEpochMilli).orElse(null));
    }

    /** sqlite-jdbc's {@code getObject(column, Long.class)} fails on NULL, so ask {@code wasNull}. */
    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
