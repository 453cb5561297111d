package io.vgtx.core.casework;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.auth.Role;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.match.MatchIndex;
import io.vgtx.core.notify.Notification;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.sharing.Taskforce;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.EntryOpinions;
import io.vgtx.core.store.TestClock;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The casework fixture: a taskforce whose sharing services carry the casework hooks, two police forces (A owns a
 * bank with a GREEN, an AMBER and a RED entry, each of its own series; RED shared with an NGO), a hotline and an NGO.
 */
final class Desk {
    final Database db;
    final TestClock clock = new TestClock(Instant.parse("2026-11-28T12:00:00Z"));
    final Taskforce node;
    final Casework casework;
    final SharedBanks banks;
    final SharedMatching matching;
    final Organisation policeA, policeB, hotline, ngo;
    final Principal a, b;
    final Bank bank;
    final Entry green, amber, red;

    Desk(Database db) {
        this.db = db;
        node = new Taskforce(db, clock);
        casework = Casework.open(db, clock, node.store, node.recipients, node.organisations, node.notifications, node.audit);
        banks = new SharedBanks(node.store, node.recipients, new EntryOpinions(db, clock), node.notifications, node.audit, casework);
        matching = new SharedMatching(db, node.store, node.recipients, node.organisations, MatchIndex.load(node.store), node.notifications,
                node.audit, casework);
        policeA = node.active("Police A", OrganisationKind.LAW_ENFORCEMENT);
        policeB = node.active("Police B", OrganisationKind.LAW_ENFORCEMENT);
        hotline = node.active("Hotline", OrganisationKind.HOTLINE);
        ngo = node.active("Child NGO", OrganisationKind.NGO);
        a = node.principal(policeA, Role.ANALYST);
        b = node.principal(policeB, Role.ANALYST);
        bank = banks.create(a, "a-bank", Distribution.AMBER, Optional.empty(), List.of(ngo.id()));
        banks.addEntries(a, bank.id(), List.of(
                EntryData.of(PdqSignal.PDQ, pdq(1)).withDistribution(Distribution.GREEN).withSeries("green-series").withLabel("label-green"),
                EntryData.of(PdqSignal.PDQ, pdq(2)).withDistribution(Distribution.AMBER).withSeries("amber-series").withLabel("label-amber"),
                EntryData.of(PdqSignal.PDQ, pdq(3)).withDistribution(Distribution.RED).withSeries("red-series").withLabel("label-red")));
        List<Entry> all = banks.entries(a, bank.id(), 0, 10).entries();
        green = all.get(0);
        amber = all.get(1);
        red = all.get(2);
    }

    Cases cases() {
        return casework.cases();
    }

    SeriesCatalog series() {
        return casework.series();
    }

    List<Notification> told(Organisation org, NotificationKind kind) {
        return node.notifications.list(org.name(), 0, 1000).stream().filter(n -> n.kind() == kind).toList();
    }

    static HashRef pdqRef(String hex) {
        return new HashRef(PdqSignal.PDQ, hex);
    }

    /** Hash n: SHA-256 of n's text, so two of them are ~128 bits apart, never within a match threshold. */
    static String pdq(int n) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Integer.toString(n).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String flipBits(String hex, int bits) {
        BigInteger value = new BigInteger(hex, 16);
        for (int i = 0; i < bits; i++) value = value.flipBit(255 - i);
        return String.format("%064x", value);
    }
}
