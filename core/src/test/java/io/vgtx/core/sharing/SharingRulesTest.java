package io.vgtx.core.sharing;

import io.vgtx.core.audit.AuditEvent;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.changelog.ChangeKind;
import io.vgtx.core.match.Match;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Backend;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import io.vgtx.core.store.TestClock;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sharing rules through the services every read path uses. A police bank holds one GREEN, one AMBER and
 * one RED entry (RED shared with an NGO); a hotline, another police force, the NGO and a suspended police
 * force look at it.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class SharingRulesTest {
    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    Database db;
    Taskforce node;
    Organisation police, otherPolice, hotline, ngo, suspended;
    Principal owner;
    Bank bank;
    Entry green, amber, red;

    @BeforeEach
    void taskforce() {
        db = Database.open(backend.newDatabase(tempDir));
        node = new Taskforce(db, new TestClock(Instant.parse("2026-11-28T12:00:00Z")));
        police = node.active("Police A", OrganisationKind.LAW_ENFORCEMENT);
        otherPolice = node.active("Police B", OrganisationKind.LAW_ENFORCEMENT);
        hotline = node.active("Hotline", OrganisationKind.HOTLINE);
        ngo = node.active("Child NGO", OrganisationKind.NGO);
        suspended = node.organisation("Police C", OrganisationKind.LAW_ENFORCEMENT, "FR", MembershipState.SUSPENDED);
        owner = node.principal(police, Role.ANALYST);
        bank = node.banks.create(owner, "series", Distribution.AMBER, Optional.of(Category.A), List.of(ngo.id()));
        node.banks.addEntries(owner, bank.id(), List.of(
                EntryData.of(PdqSignal.PDQ, pdqHash(1)).withDistribution(Distribution.GREEN),
                EntryData.of(PdqSignal.PDQ, pdqHash(2)).withDistribution(Distribution.AMBER),
                EntryData.of(PdqSignal.PDQ, pdqHash(3)).withDistribution(Distribution.RED)));
        List<Entry> all = node.banks.entries(owner, bank.id(), 0, 10).entries();
        green = all.get(0);
        amber = all.get(1);
        red = all.get(2);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<Long> listed(Principal viewer) {
        return node.banks.entries(viewer, bank.id(), 0, 10).entries().stream().map(Entry::id).toList();
    }

    @Test
    void eachOrganisationListsExactlyWhatItsDistributionAllows() {
        assertThat(listed(owner)).containsExactly(green.id(), amber.id(), red.id());
        assertThat(listed(node.principal(otherPolice, Role.VIEWER))).containsExactly(green.id(), amber.id());
        assertThat(listed(node.principal(hotline, Role.ANALYST))).containsExactly(green.id());
        assertThat(listed(node.principal(ngo, Role.VIEWER))).containsExactly(green.id(), red.id());
    }

    @Test
    void aSuspendedOrganisationReadsNothing() {
        Principal principal = node.principal(suspended, Role.ADMIN);
        assertThatThrownBy(() -> listed(principal)).isInstanceOf(AccessDeniedException.class).hasMessageContaining("SUSPENDED");
        assertThatThrownBy(() -> node.matching().match(principal, List.of(pdq(1)), 31)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> node.feed.after(principal, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRedBankIsNotFoundByThoseItIsNotSharedWith() {
        Bank secret = node.banks.create(owner, "secret", Distribution.RED, Optional.empty(), List.of(ngo.id()));
        node.banks.addEntries(owner, secret.id(), List.of(EntryData.of(PdqSignal.PDQ, pdqHash(9))));
        Principal hotlineAnalyst = node.principal(hotline, Role.ANALYST);

        assertThatThrownBy(() -> node.banks.entries(hotlineAnalyst, secret.id(), 0, 10)).isInstanceOf(NotFoundException.class);
        assertThat(node.banks.visible(hotlineAnalyst)).extracting(v -> v.bank().name()).containsExactly("series");
        assertThat(node.banks.visible(node.principal(ngo, Role.VIEWER))).extracting(v -> v.bank().name(), BankView::visibleEntries)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("secret", 1L), org.assertj.core.groups.Tuple.tuple("series", 2L));
    }

    @Test
    void aMatchOnAnEntryTheAskerMayNotSeeIsAHitAndTheOwnerIsToldOnce() {
        Principal hotlineAnalyst = node.principal(hotline, Role.ANALYST);
        List<QueryResult> results = node.matching().match(hotlineAnalyst, List.of(pdq(1), pdq(2), pdq(3), pdq(2)), 31);

        assertThat(results.get(0).matches()).extracting(m -> m.entry().id()).containsExactly(green.id());
        assertThat(results.get(0).hits()).isEmpty();
        for (QueryResult hidden : results.subList(1, 4)) {
            assertThat(hidden.matches()).isEmpty();
            assertThat(hidden.hits()).containsExactly(new Hit("Police A", Optional.of("police.a@example.org")));
        }
        List<Notification> told = node.notifications.list("Police A", 0, 10);
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.MATCH_HIT);
            assertThat(n.details()).containsEntry("asker", "Hotline").containsEntry("count", "2");
            assertThat(n.details().values()).noneMatch(v -> v.contains(pdqHash(2)));
        });
        assertThat(node.notifications.list("Hotline", 0, 10)).isEmpty();
    }

    @Test
    void nearDuplicatesMatchWithTheirDistanceAndLowQualityHashesAreNotLookedUp() {
        Principal police2 = node.principal(otherPolice, Role.VIEWER);
        String near = flipFirstBits(pdqHash(2), 5);
        List<QueryResult> results = node.matching().match(police2, List.of(
                new HashQuery(PdqSignal.PDQ, near, Optional.of(90)), new HashQuery(PdqSignal.PDQ, near, Optional.of(49))), 31);

        assertThat(results.get(0).matches()).extracting(Match::distance).containsExactly(5);
        assertThat(results.get(1).matches()).isEmpty();
        assertThat(results.get(1).lowQuality()).isTrue();
        assertThat(node.matching().match(police2, List.of(new HashQuery(PdqSignal.PDQ, near, Optional.empty())), 4).getFirst().matches()).isEmpty();
    }

    @Test
    void aRetractedEntryStopsMatchingAtOnceAndTheFeedCarriesTheRetractionToThoseWhoSawIt() {
        Principal police2 = node.principal(otherPolice, Role.VIEWER);
        assertThat(node.matching().match(police2, List.of(pdq(2)), 31).getFirst().matches()).hasSize(1);

        node.banks.retract(owner, amber.id());

        assertThat(node.matching().match(police2, List.of(pdq(2)), 31).getFirst().matches()).isEmpty();
        FeedPage policeFeed = node.feed.after(police2, 0, 100);
        assertThat(policeFeed.items()).extracting(i -> i.change().kind(), i -> i.entry().id()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ChangeKind.ADD, green.id()),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.ADD, amber.id()),
                org.assertj.core.groups.Tuple.tuple(ChangeKind.RETRACT, amber.id()));
        FeedPage hotlineFeed = node.feed.after(node.principal(hotline, Role.VIEWER), 0, 100);
        assertThat(hotlineFeed.items()).extracting(i -> i.entry().id()).containsExactly(green.id());
        assertThat(hotlineFeed.next()).isEqualTo(policeFeed.next());
    }

    @Test
    void theFeedPagesWithACursorPastHiddenChanges() {
        Principal hotlineViewer = node.principal(hotline, Role.VIEWER);
        node.banks.addEntries(owner, bank.id(), List.of(EntryData.of(PdqSignal.PDQ, pdqHash(4)).withDistribution(Distribution.GREEN)));

        FeedPage first = node.feed.after(hotlineViewer, 0, 1);
        FeedPage second = node.feed.after(hotlineViewer, first.next(), 1);
        FeedPage end = node.feed.after(hotlineViewer, second.next(), 1);

        assertThat(first.items()).extracting(i -> i.entry().id()).containsExactly(green.id());
        assertThat(second.items()).extracting(i -> i.entry().data().value()).containsExactly(pdqHash(4));
        assertThat(second.next()).isEqualTo(4);
        assertThat(end.items()).isEmpty();
        assertThat(end.next()).isEqualTo(4);
    }

    @Test
    void onlyTheOwnersWritersAddOrRetractAndOthersConfirmOrDispute() {
        Principal viewer = node.principal(police, Role.VIEWER);
        Principal otherAnalyst = node.principal(otherPolice, Role.ANALYST);
        List<EntryData> one = List.of(EntryData.of(DigestSignal.MD5, "0123456789abcdef0123456789abcdef"));

        assertThatThrownBy(() -> node.banks.addEntries(viewer, bank.id(), one)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> node.banks.addEntries(otherAnalyst, bank.id(), one)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> node.banks.retract(otherAnalyst, amber.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> node.banks.giveOpinion(node.principal(hotline, Role.ANALYST), amber.id(), Verdict.DISPUTE, Optional.empty()))
                .isInstanceOf(NotFoundException.class);

        node.banks.giveOpinion(otherAnalyst, amber.id(), Verdict.DISPUTE, Optional.of("not illegal"));

        assertThat(node.banks.entry(owner, amber.id()).opinions()).extracting(o -> o.organisation()).containsExactly("Police B");
        assertThat(node.notifications.list("Police A", 0, 10)).extracting(Notification::kind).containsExactly(NotificationKind.ENTRY_DISPUTED);
    }

    @Test
    void writesAndRestrictedReadsAreAuditedAndGreenOnlyReadsAreNot() {
        long before = node.audit.list(0, 1000).size();
        node.banks.entries(node.principal(hotline, Role.VIEWER), bank.id(), 0, 10);
        assertThat(node.audit.list(0, 1000)).hasSize((int) before);

        node.banks.entries(node.principal(otherPolice, Role.VIEWER), bank.id(), 0, 10);
        List<AuditEvent> events = node.audit.list(0, 1000);
        assertThat(events).extracting(AuditEvent::action).startsWith("bank.create", "entries.add").endsWith("entries.read");
        assertThat(events.getLast().actor().organisation()).isEqualTo("Police B");
        assertThat(node.audit.verify()).isInstanceOf(io.vgtx.core.audit.VerifyReport.Intact.class);
    }

    @Test
    void overTenThousandHashesOrEntriesAreRefused() {
        List<HashQuery> many = java.util.stream.IntStream.range(0, 10_001).mapToObj(i -> pdq(1)).toList();
        assertThatThrownBy(() -> node.matching().match(owner, many, 31)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10000");
        assertThat(Set.of(node.matching().match(owner, many.subList(0, 10_000), 31).size())).containsExactly(10_000);
    }

    private static HashQuery pdq(int n) {
        return new HashQuery(PdqSignal.PDQ, pdqHash(n), Optional.empty());
    }

    /** Hash n: SHA-256 of n's text, so two of them are ~128 bits apart, never within a match threshold. */
    private static String pdqHash(int n) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Integer.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String flipFirstBits(String hex, int bits) {
        java.math.BigInteger value = new java.math.BigInteger(hex, 16);
        for (int i = 0; i < bits; i++) value = value.flipBit(255 - i);
        return String.format("%064x", value);
    }
}
