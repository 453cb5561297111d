package io.vgtx.core.sharing;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.policy.Viewer;
import io.vgtx.core.policy.Visibility;
import io.vgtx.core.store.BankStore;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one principal may see, for the length of one request: the banks and their RED recipients, loaded once.
 * Public so that other areas of the domain (casework) apply exactly the same rules.
 */
public final class Sight {
    private static final SortedSet<Long> NONE = new TreeSet<>();

    private final Viewer viewer;
    private final Map<Long, Bank> banks;
    private final Map<Long, SortedSet<Long>> recipients;

    private Sight(Viewer viewer, Map<Long, Bank> banks, Map<Long, SortedSet<Long>> recipients) {
        this.viewer = viewer;
        this.banks = banks;
        this.recipients = recipients;
    }

    public static Sight of(Principal principal, BankStore store, BankRecipients bankRecipients) {
        return of(Viewer.of(principal), store, bankRecipients);
    }

    /**
     * From banks and RED recipients the caller read itself, e.g. inside a write transaction (where a nested read
     * transaction is not possible).
     */
    public static Sight of(Viewer viewer, java.util.Collection<Bank> banks, Map<Long, SortedSet<Long>> recipients) {
        return new Sight(viewer, banks.stream().collect(Collectors.toMap(Bank::id, Function.identity())), Map.copyOf(recipients));
    }

    /** What an organisation may see, e.g. the recipient of an alert, which is not the one making the request. */
    public static Sight of(Viewer viewer, BankStore store, BankRecipients bankRecipients) {
        return new Sight(viewer, store.banks().stream().collect(Collectors.toMap(Bank::id, Function.identity())),
                bankRecipients.all());
    }

    public boolean canSee(Entry entry) {
        Bank bank = banks.get(entry.bankId());
        return bank != null && Visibility.canSee(viewer, bank, entry.data(), recipients(bank));
    }

    /** Whether entries of this distribution in this bank would be visible. */
    public boolean canSee(Bank bank, Distribution distribution) {
        return Visibility.canSee(viewer, bank.owner(), distribution, recipients(bank));
    }

    public boolean owns(Bank bank) {
        return bank.owner().equals(viewer.name());
    }

    /** Whether the entry is in one of the viewer's own banks. */
    public boolean owns(Entry entry) {
        Bank bank = banks.get(entry.bankId());
        return bank != null && owns(bank);
    }

    public Optional<Bank> bank(long id) {
        return Optional.ofNullable(banks.get(id));
    }

    Iterable<Bank> banks() {
        return banks.values();
    }

    /** AMBER and RED data: reading it is audited. */
    public static boolean isRestricted(Entry entry) {
        return entry.data().distribution().map(d -> d != Distribution.GREEN).orElse(true);
    }

    private Set<Long> recipients(Bank bank) {
        return recipients.getOrDefault(bank.id(), NONE);
    }
}
