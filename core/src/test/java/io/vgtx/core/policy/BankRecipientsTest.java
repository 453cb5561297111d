package io.vgtx.core.policy;

import io.vgtx.core.auth.Role;
import io.vgtx.core.auth.Tokens;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.org.QuorumRule;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.store.TestClock;
import io.vgtx.core.store.TestEntries;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ParameterizedClass
@EnumSource(Backend.class)
class BankRecipientsTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    TestClock clock;
    Organisations orgs;
    BankStore banks;
    BankRecipients recipients;
    Organisation police;

    @BeforeEach
    void open() {
        db = Database.open(backend.newDatabase(tempDir));
        clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
        orgs = new Organisations(db, clock, QuorumRule.fixed(1));
        banks = new BankStore(db, clock);
        recipients = new BankRecipients(db);
        police = orgs.initOperator("Police", "GB");
        new Tokens(db, clock).issue(police.id(), Role.BOARD, Optional.empty(), "board");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void setsAndListsABanksRecipients() {
        Organisation hotline = active("Hotline", OrganisationKind.HOTLINE);
        Organisation ngo = active("NGO", OrganisationKind.NGO);
        banks.createBank("red", "Police", Optional.empty(), Distribution.RED);

        assertThat(recipients.set("red", List.of(ngo.id(), hotline.id(), ngo.id()))).containsExactly(hotline.id(), ngo.id());
        assertThat(recipients.recipients("red")).containsExactly(hotline.id(), ngo.id());
    }

    @Test
    void settingReplacesAndAnEmptySetClears() {
        Organisation hotline = active("Hotline", OrganisationKind.HOTLINE);
        Organisation ngo = active("NGO", OrganisationKind.NGO);
        banks.createBank("red", "Police", Optional.empty(), Distribution.RED);
        recipients.set("red", List.of(hotline.id()));

        assertThat(recipients.set("red", List.of(ngo.id()))).containsExactly(ngo.id());
        assertThat(recipients.set("red", List.of())).isEmpty();
        assertThat(recipients.recipients("red")).isEmpty();
    }

    @Test
    void anUnknownBankOrOrganisationChangesNothing() {
        Organisation hotline = active("Hotline", OrganisationKind.HOTLINE);
        banks.createBank("red", "Police", Optional.empty(), Distribution.RED);
        recipients.set("red", List.of(hotline.id()));

        assertThatThrownBy(() -> recipients.set("nope", List.of(hotline.id()))).isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> recipients.set("red", List.of(police.id(), 999L))).isInstanceOf(NotFoundException.class).hasMessageContaining("999");
        assertThatThrownBy(() -> recipients.recipients("nope")).isInstanceOf(NotFoundException.class);
        assertThat(recipients.recipients("red")).containsExactly(hotline.id());
    }

    @Test
    void listsEveryBanksRecipientsAtOnce() {
        Organisation hotline = active("Hotline", OrganisationKind.HOTLINE);
        Bank red = banks.createBank("red", "Police", Optional.empty(), Distribution.RED);
        Bank other = banks.createBank("other", "Police", Optional.empty(), Distribution.RED);
        banks.createBank("none", "Police", Optional.empty(), Distribution.GREEN);
        recipients.set("red", List.of(hotline.id(), police.id()));
        recipients.set("other", List.of(hotline.id()));

        assertThat(recipients.all()).isEqualTo(Map.of(
                red.id(), new java.util.TreeSet<>(Set.of(hotline.id(), police.id())),
                other.id(), new java.util.TreeSet<>(Set.of(hotline.id()))));
    }

    @Test
    void aStoredRedEntryIsVisibleToItsOwnerAndNamedRecipientsOnly() {
        Organisation hotline = active("Hotline", OrganisationKind.HOTLINE);
        Organisation agency = active("Other Police", OrganisationKind.LAW_ENFORCEMENT);
        Organisation ngo = active("NGO", OrganisationKind.NGO);
        Bank bank = banks.createBank("red", "Hotline", Optional.empty(), Distribution.RED);
        banks.addEntries("red", "Hotline", TestEntries.pdqs(0, 1));
        recipients.set("red", List.of(ngo.id()));
        Entry entry = banks.findEntries(PdqSignal.PDQ, TestEntries.pdqHash(0)).getFirst();
        Set<Long> named = recipients.recipients("red");

        assertThat(Visibility.canSee(Viewer.of(hotline), bank, entry.data(), named)).isTrue();
        assertThat(Visibility.canSee(Viewer.of(ngo), bank, entry.data(), named)).isTrue();
        assertThat(Visibility.canSee(Viewer.of(agency), bank, entry.data(), named)).isFalse();
        assertThat(Visibility.canSee(Viewer.of(police), bank, entry.data(), named)).isFalse();

        Organisation suspendedNgo = orgs.suspend(ngo.id());
        assertThat(Visibility.canSee(Viewer.of(suspendedNgo), bank, entry.data(), named)).isFalse();
    }

    @Test
    void banksWorkAsBeforeBesideRecipients() {
        banks.createBank("red", "Police", Optional.empty(), Distribution.RED);
        recipients.set("red", List.of(police.id()));
        banks.addEntries("red", "Police", TestEntries.pdqs(0, 3));

        assertThat(banks.listBanks()).singleElement().satisfies(s -> assertThat(s.activeTotal()).isEqualTo(3));
        assertThat(banks.findBank("red").orElseThrow().owner()).isEqualTo("Police");
    }

    private Organisation active(String name, OrganisationKind kind) {
        Organisation applicant = orgs.apply(name, kind, "DE", null);
        orgs.vote(applicant.id(), police.id(), "token:setup", true);
        return orgs.recordAgreement(applicant.id(), "1", "signatory", "setup");
    }
}
