package io.vgtx.core.statistics;

import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.MatchTally;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.vgtx.core.store.TestEntries.pdqHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Matches per day, on both databases: counted in memory on the request's thread, written by a flush, per organisation
 * and UTC day of the injected clock. German police own a bank with a GREEN and an AMBER entry; an NGO may see only
 * the GREEN one, so an AMBER hash is a hit/no-hit for it.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class MatchDaysTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-28");
    /** The test hashes are numbers, a few bits apart: looked up exactly, each matches only itself. */
    private static final int EXACT = 0;
    /**
     * A hash far from every entry (they are all within a few bits of 0): a hidden entry answers at the node's threshold,
     * not the asker's (issue 14), so "matches nothing" must be far from the AMBER entry too.
     */
    private static final String NOWHERE = "f".repeat(64);

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T23:59:59.500Z"));
    Taskforce node;
    MatchDays days;
    SharedMatching matching;
    Principal police, ngo;

    @BeforeEach
    void node() {
        db = Database.open(backend.newDatabase(tempDir));
        node = new Taskforce(db, clock);
        days = new MatchDays(db, clock);
        matching = new SharedMatching(db, node.store, node.recipients, node.organisations, MatchIndex.load(node.store),
                node.notifications, node.audit, days);
        Organisation dePolice = node.organisation("DE Police", OrganisationKind.LAW_ENFORCEMENT, "DE", MembershipState.ACTIVE);
        police = node.principal(dePolice, Role.ANALYST);
        ngo = node.principal(node.active("Child NGO", OrganisationKind.NGO), Role.VIEWER);
        Bank bank = node.banks.create(police, "de-bank", Distribution.AMBER, Optional.of(Category.A), List.of());
        node.banks.addEntries(police, bank.id(), List.of(
                EntryData.of(PdqSignal.PDQ, pdqHash(1)).withDistribution(Distribution.GREEN),
                EntryData.of(PdqSignal.PDQ, pdqHash(2)).withDistribution(Distribution.AMBER)));
    }

    @AfterEach
    void close() {
        days.close();
        db.close();
    }

    /** GREEN (visible), AMBER (a hit for the NGO, visible to police) and one that matches nothing. */
    private void lookUpThree(Principal asker) {
        matching.match(asker, List.of(query(pdqHash(1)), query(pdqHash(2)), query(NOWHERE)), EXACT);
    }

    private static HashQuery query(String hex) {
        return new HashQuery(PdqSignal.PDQ, hex, Optional.empty());
    }

    private long rows() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM match_days").mapTo(long.class).one());
    }

    @Test
    void aRequestIsOnlyNotedInMemoryAndAFlushWritesItsCounts() {
        lookUpThree(ngo);
        lookUpThree(ngo);

        assertThat(rows()).as("nothing is written on the request's path").isZero();
        assertThat(days.pending()).isEqualTo(1);
        assertThat(days.days(ngo, 1)).as("not there before the flush").containsExactly(MatchDay.none(DAY));

        assertThat(days.flush()).isEqualTo(1);
        assertThat(days.pending()).isZero();
        assertThat(days.days(ngo, 1)).containsExactly(new MatchDay(DAY, 2, 6, 2, 2));
        assertThat(days.flush()).as("nothing left").isZero();
    }

    @Test
    void countsAreAddedToWhatIsWrittenAndEachOrganisationReadsOnlyItsOwn() {
        lookUpThree(ngo);
        days.flush();
        lookUpThree(ngo);
        lookUpThree(police);
        matching.match(police, List.of(query(NOWHERE)), EXACT);
        days.flush();

        assertThat(days.days(ngo, 1)).containsExactly(new MatchDay(DAY, 2, 6, 2, 2));
        assertThat(days.days(police, 1)).as("police see both entries: no hit-only answer").containsExactly(new MatchDay(DAY, 2, 4, 2, 0));
    }

    @Test
    void daysAreUtcDaysOfTheClockAndTheSpanIsFilledWithZeros() {
        lookUpThree(ngo);
        clock.advance(Duration.ofMillis(500));
        matching.match(ngo, List.of(query(pdqHash(1))), EXACT);
        days.flush();
        clock.advance(Duration.ofDays(1));

        assertThat(days.days(ngo, 4)).containsExactly(
                MatchDay.none(DAY.minusDays(1)),
                new MatchDay(DAY, 1, 3, 1, 1),
                new MatchDay(DAY.plusDays(1), 1, 1, 1, 0),
                MatchDay.none(DAY.plusDays(2)));
        assertThat(days.days(ngo, 1)).containsExactly(MatchDay.none(DAY.plusDays(2)));
    }

    @Test
    void theSpanIsOneDayToAYearAndOnlyActiveReadersReadIt() {
        assertThat(days.days(ngo, MatchDays.MAX_DAYS)).hasSize(MatchDays.MAX_DAYS);
        assertThatThrownBy(() -> days.days(ngo, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> days.days(ngo, MatchDays.MAX_DAYS + 1)).isInstanceOf(IllegalArgumentException.class);
        Principal suspended = node.principal(node.organisation("FR Police", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.SUSPENDED), Role.ADMIN);
        assertThatThrownBy(() -> days.days(suspended, 30)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void countsThatCouldNotBeWrittenWaitForTheNextFlush() {
        Database unavailable = Database.open(backend.newDatabase(tempDir.resolve("other")));
        MatchDays elsewhere = new MatchDays(unavailable, clock);
        unavailable.close();
        elsewhere.answered(ngo, new MatchTally(3, 1, 1));
        elsewhere.answered(ngo, new MatchTally(2, 0, 0));

        assertThatThrownBy(elsewhere::flush).isInstanceOf(RuntimeException.class);
        assertThat(elsewhere.pending()).isEqualTo(1);
        elsewhere.close();
    }

    @Test
    void theBackgroundWriterFlushesEveryIntervalAndOnClose() throws InterruptedException {
        MatchDays often = new MatchDays(db, clock, Duration.ofMillis(20)).start();
        often.answered(ngo, new MatchTally(3, 1, 1));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rows() == 0 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(often.days(ngo, 1)).containsExactly(new MatchDay(DAY, 1, 3, 1, 1));

        MatchDays slow = new MatchDays(db, clock, Duration.ofHours(1)).start();
        slow.answered(police, new MatchTally(5, 2, 0));
        slow.close();
        often.close();
        assertThat(days.days(police, 1)).as("what was left is written when it stops").containsExactly(new MatchDay(DAY, 1, 5, 2, 0));
    }
}
