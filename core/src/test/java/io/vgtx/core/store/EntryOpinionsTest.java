package io.vgtx.core.store;

import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryState;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.changelog.ChangeKind;
import io.vgtx.core.changelog.ChangeLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vgtx.core.store.TestEntries.pdq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@ParameterizedClass
@EnumSource(Backend.class)
class EntryOpinionsTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123Z");

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    BankStore banks;
    EntryOpinions opinions;
    Entry entry;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        banks = new BankStore(db, () -> NOW);
        opinions = new EntryOpinions(db, () -> NOW);
        banks.createBank("known", "Hotline", Optional.empty(), Distribution.GREEN);
        banks.addEntries("known", "Hotline", EntrySource.of(List.of(pdq(1))));
        entry = banks.findEntries(pdq(1).type(), pdq(1).value()).getFirst();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anOrganisationsLatestVerdictReplacesItsEarlierOne() {
        opinions.give(entry.id(), "Police", Verdict.CONFIRM, Optional.empty());
        opinions.give(entry.id(), "NGO", Verdict.CONFIRM, Optional.of("  seen it too "));
        opinions.give(entry.id(), "Police", Verdict.DISPUTE, Optional.of("not illegal"));

        assertThat(opinions.of(entry.id())).extracting(Opinion::organisation, Opinion::verdict, Opinion::reason).containsExactly(
                tuple("NGO", Verdict.CONFIRM, Optional.of("seen it too")),
                tuple("Police", Verdict.DISPUTE, Optional.of("not illegal")));
    }

    @Test
    void theOwnerCannotGiveAVerdictOnItsOwnEntry() {
        assertThatThrownBy(() -> opinions.give(entry.id(), "Hotline", Verdict.CONFIRM, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("its own bank");
        assertThat(opinions.of(entry.id())).isEmpty();
    }

    @Test
    void aVerdictOnAnUnknownEntryIsNotFound() {
        assertThatThrownBy(() -> opinions.give(entry.id() + 99, "Police", Verdict.DISPUTE, Optional.empty()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOverlongReasonIsRefused() {
        assertThatThrownBy(() -> opinions.give(entry.id(), "Police", Verdict.DISPUTE, Optional.of("x".repeat(1001))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
    }

    @Test
    void retractingByIdMarksTheEntryAndLogsOneRetraction() {
        Entry retracted = banks.retract(entry.id());
        banks.retract(entry.id());

        assertThat(retracted.data().state()).isEqualTo(EntryState.RETRACTED);
        assertThat(banks.entry(entry.id()).orElseThrow().data().state()).isEqualTo(EntryState.RETRACTED);
        assertThat(new ChangeLog(db.jdbi()).changesAfter(0, 10)).extracting(c -> c.kind()).containsExactly(ChangeKind.ADD, ChangeKind.RETRACT);
        assertThatThrownBy(() -> banks.retract(entry.id() + 99)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void findsABankById() {
        assertThat(banks.findBank(entry.bankId())).map(b -> b.name()).contains("known");
        assertThat(banks.findBank(entry.bankId() + 99)).isEmpty();
    }
}
