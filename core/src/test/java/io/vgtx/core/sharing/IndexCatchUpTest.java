package io.vgtx.core.sharing;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.changelog.ChangeLog;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.DatabaseConfig;
import io.vgtx.core.store.EntrySource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How a lookup meets changes its index has not applied yet: a few it applies first, a large backlog goes in beside it. */
class IndexCatchUpTest {
    @TempDir
    Path dir;
    Database db;
    Taskforce node;
    SharedMatching matching;
    Principal police;
    Bank bank;

    @BeforeEach
    void node() {
        db = Database.open(DatabaseConfig.dataDirectory(dir));
        node = new Taskforce(db, InstantSource.system());
        matching = node.matching();
        police = node.principal(node.active("Police", OrganisationKind.LAW_ENFORCEMENT), Role.ANALYST);
        bank = node.banks.create(police, "b", Distribution.GREEN, Optional.empty(), List.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String pdq(int i) {
        return String.format("%016x", i + 1L).repeat(4);
    }

    /** Written as the CLI writes, beside the node: only the change log tells the index. */
    private void writtenElsewhere(int from, int count) {
        List<EntryData> entries = new ArrayList<>();
        for (int i = from; i < from + count; i++) entries.add(EntryData.of(PdqSignal.PDQ, pdq(i)));
        node.store.addEntries("b", "Police", EntrySource.of(entries));
    }

    private boolean found(int i) {
        return !matching.match(police, List.of(new HashQuery(PdqSignal.PDQ, pdq(i), Optional.empty())), 0).getFirst().matches().isEmpty();
    }

    @Test
    void aFewChangesMadeAMomentAgoAreAppliedBeforeTheLookup() {
        matching.refreshIndex();
        writtenElsewhere(0, SharedMatching.INLINE_CATCH_UP);

        assertThat(found(SharedMatching.INLINE_CATCH_UP - 1)).isTrue();
        assertThat(matching.index().appliedSeq()).isEqualTo(new ChangeLog(db.jdbi()).lastSeq());
    }

    @Test
    @Timeout(60)
    void aLargeBacklogGoesInInTheBackgroundWhileLookupsGoOn() throws InterruptedException {
        matching.refreshIndex();
        long before = matching.index().appliedSeq();
        writtenElsewhere(0, SharedMatching.INLINE_CATCH_UP + 500);
        long last = new ChangeLog(db.jdbi()).lastSeq();

        found(0); // answered with what the index holds; the backlog is being applied beside it
        while (matching.index().appliedSeq() < last) Thread.sleep(10);

        assertThat(last - before).isGreaterThan(SharedMatching.INLINE_CATCH_UP);
        assertThat(found(0)).isTrue();
        assertThat(found(SharedMatching.INLINE_CATCH_UP + 499)).isTrue();
    }
}
