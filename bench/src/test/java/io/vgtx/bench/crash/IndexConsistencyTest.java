package io.vgtx.bench.crash;

import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.store.EntrySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IndexConsistencyTest {
    @TempDir
    Path dir;

    private static List<EntryData> entries(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<EntryData> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(switch (i % 4) {
                case 0 -> EntryData.of(PdqSignal.PDQ, hex(random, 64));
                case 1 -> EntryData.of(DigestSignal.MD5, hex(random, 32));
                case 2 -> EntryData.of(DigestSignal.SHA1, hex(random, 40));
                default -> EntryData.of(DigestSignal.SHA256, hex(random, 64));
            });
        }
        return entries;
    }

    private static String hex(SplittableRandom random, int digits) {
        StringBuilder hex = new StringBuilder();
        while (hex.length() < digits) hex.append(String.format("%016x", random.nextLong()));
        return hex.substring(0, digits);
    }

    private Database database(String name, List<EntryData> entries) {
        Database database = Database.open(DatabaseConfig.dataDirectory(dir.resolve(name)));
        BankStore store = new BankStore(database);
        store.createBank("b", "org", Optional.empty(), Distribution.GREEN);
        store.addEntries("b", "org", EntrySource.of(entries));
        return database;
    }

    @Test
    void anIndexLoadedFromItsDatabaseIsConsistentAfterRetractionsAndLaterChanges() {
        List<EntryData> entries = entries(40, 1);
        try (Database database = database("db", entries)) {
            BankStore store = new BankStore(database);
            ChangeLog log = new ChangeLog(database.jdbi());
            MatchIndex index = MatchIndex.load(store, log, dir.resolve("match-index.snapshot"));
            store.retract("b", entries.get(0).type(), entries.get(0).value()); // PDQ
            store.retract("b", entries.get(1).type(), entries.get(1).value()); // MD5
            store.addEntries("b", "org", EntrySource.of(entries(8, 2)));

            IndexConsistency.Report report = IndexConsistency.check(store, index, log);

            assertThat(report.problems()).isEmpty();
            assertThat(report.active()).isEqualTo(46);
            assertThat(report.retracted()).isEqualTo(2);
            assertThat(report.indexed()).isEqualTo(46);
            assertThat(report.seq()).isEqualTo(log.lastSeq());
        }
    }

    @Test
    void anEntryRetractedInTheDatabaseButStillInTheIndexIsNamed() {
        List<EntryData> entries = entries(40, 3);
        MatchIndex stale;
        try (Database one = database("one", entries)) {
            stale = MatchIndex.load(new BankStore(one));
        }
        // The same entries with the same change count, the first PDQ one retracted: what the stale index never saw.
        List<EntryData> retracted = new ArrayList<>(entries);
        retracted.set(0, entries.get(0).withState(EntryState.RETRACTED));
        try (Database two = database("two", retracted)) {
            IndexConsistency.Report report = IndexConsistency.check(new BankStore(two), stale, new ChangeLog(two.jdbi()));

            assertThat(report.consistent()).isFalse();
            assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains(entries.get(0).value()).contains("RETRACTED").contains("still in"))
                    .anySatisfy(p -> assertThat(p).contains("holds 40 entries, the database 39 active"));
        }
    }

    @Test
    void anIndexOfOtherEntriesMissesThemAllAndTheReportStaysShort() {
        MatchIndex other;
        try (Database one = database("one", entries(40, 4))) {
            other = MatchIndex.load(new BankStore(one));
        }
        try (Database two = database("two", entries(40, 5))) {
            IndexConsistency.Report report = IndexConsistency.check(new BankStore(two), other, new ChangeLog(two.jdbi()));

            assertThat(report.problems()).hasSize(20).allSatisfy(p -> assertThat(p).contains("missing from the match index"));
        }
    }
}
