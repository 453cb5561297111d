package io.vgtx.core.sharing;

import io.vgtx.core.audit.Actor;
import io.vgtx.core.audit.AuditActions;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.AuditLog;
import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Opinion;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.notify.NotificationKind;
import io.vgtx.core.notify.Notifications;
import io.vgtx.core.policy.BankRecipients;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.core.store.BankStore;
import io.vgtx.core.store.BankStore.ActiveCount;
import io.vgtx.core.store.EntryOpinions;
import io.vgtx.core.store.EntrySource;
import io.vgtx.core.store.ImportResult;
import io.vgtx.core.store.NotFoundException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Banks and entries as organisations share them: created, filled, read, confirmed, disputed, retracted. */
public final class SharedBanks {
    public static final int MAX_ENTRIES_PER_REQUEST = 10_000;
    public static final int MAX_PAGE = 1000;

    private final BankStore store;
    private final BankRecipients recipients;
    private final EntryOpinions opinions;
    private final Notifications notifications;
    private final AuditLog audit;
    private final SharingHooks hooks;

    public SharedBanks(BankStore store, BankRecipients recipients, EntryOpinions opinions, Notifications notifications, AuditLog audit) {
        this(store, recipients, opinions, notifications, audit, SharingHooks.NONE);
    }

    /** As above, with what casework adds: cases linking a retracted or disputed entry's hash are told, in the same write. */
    public SharedBanks(BankStore store, BankRecipients recipients, EntryOpinions opinions, Notifications notifications, AuditLog audit,
                       SharingHooks hooks) {
        this.hooks = hooks;
        this.store = store;
        this.recipients = recipients;
        this.opinions = opinions;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** A bank owned by the principal's organisation; RED recipients are named by organisation id. */
    public Bank create(Principal principal, String name, Distribution distribution, Optional<Category> category,
                       Collection<Long> redRecipients) {
        AccessDeniedException.require(principal, Permission.WRITE);
        return create(Actor.of(principal), principal.organisationName(), name, distribution, category, redRecipients);
    }

    private Bank create(Actor actor, String owner, String name, Distribution distribution, Optional<Category> category,
                        Collection<Long> redRecipients) {
        return store.createBank(name, owner, category, distribution, (handle, bank) -> {
            if (!redRecipients.isEmpty()) recipients.set(handle, bank.id(), redRecipients);
            audit.append(handle, actor, AuditActions.BANK_CREATE, "bank:" + bank.id(), Outcome.OK,
                    Map.of("name", bank.name(), "distribution", distribution.name(), "recipients", String.valueOf(redRecipients.size())));
        });
    }

    /*
     * What a command run on the node's own machine writes (vgtx bank create, add, import, retract), for the organisation
     * it names. There is no permission to check — whoever can open the database can write it — but the act is the
     * API's: the same store calls, hooks and audit event names, in the same transaction and hash chain, under a CLI
     * actor ({@link Actor#cli}: the operating-system user).
     */

    /** A bank created from the node's command line for {@code owner}. */
    public Bank createOnNode(Actor actor, String owner, String name, Distribution distribution, Optional<Category> category) {
        return create(actor, owner, name, distribution, category, List.of());
    }

    /**
     * Entries added ({@link AuditActions#ENTRIES_ADD}) or a file imported ({@link AuditActions#ENTRIES_IMPORT}) from the
     * node's command line into {@code bank}, all or nothing, with {@code owner} as their source.
     */
    public ImportResult addOnNode(Actor actor, String bank, String owner, EntrySource source, String action, Map<String, String> details) {
        Bank target = store.findBank(bank).orElseThrow(() -> new NotFoundException("no bank named '" + bank + "'"));
        return write(actor, target, owner, source, action, details);
    }

    /** An entry retracted from the node's command line: it stops matching and the retraction spreads, as over the API. */
    public Entry retractOnNode(Actor actor, String bank, SignalType type, String value) {
        return store.retract(bank, type, value, (handle, retracted) -> {
            audit.append(handle, actor, AuditActions.ENTRY_RETRACT, "entry:" + retracted.id(), Outcome.OK, Map.of());
            hooks.retracted(handle, retracted);
        });
    }

    /** The banks the principal owns or may see at least one active entry of, by name. */
    public List<BankView> visible(Principal principal) {
        AccessDeniedException.require(principal, Permission.READ);
        Sight sight = sight(principal);
        Map<Long, Long> visibleCounts = new HashMap<>();
        for (ActiveCount count : store.activeCounts()) {
            sight.bank(count.bankId()).filter(bank -> sight.canSee(bank, count.distribution()))
                    .ifPresent(bank -> visibleCounts.merge(bank.id(), count.count(), Long::sum));
        }
        List<BankView> views = new ArrayList<>();
        for (Bank bank : sight.banks()) {
            boolean owned = sight.owns(bank);
            if (owned || visibleCounts.containsKey(bank.id())) views.add(new BankView(bank, visibleCounts.getOrDefault(bank.id(), 0L), owned));
        }
        views.sort(Comparator.comparing(v -> v.bank().name()));
        return views;
    }

    /**
     * The active entries the principal may see, counted by category, distribution and hash type over every bank
     * (its own included), from the kept counts: the same rule as {@link #visible}, per distribution of each bank.
     * Ordered by category (none last), distribution and type; combinations without a visible entry are left out.
     */
    public List<EntryCount> entryCounts(Principal principal) {
        AccessDeniedException.require(principal, Permission.READ);
        Sight sight = sight(principal);
        Map<CountKey, Long> sums = new HashMap<>();
        for (ActiveCount count : store.activeCounts()) {
            if (sight.bank(count.bankId()).filter(bank -> sight.canSee(bank, count.distribution())).isEmpty()) continue;
            sums.merge(new CountKey(count.category(), count.distribution(), count.type()), count.count(), Long::sum);
        }
        return sums.entrySet().stream()
                .map(e -> new EntryCount(e.getKey().category(), e.getKey().distribution(), e.getKey().type(), e.getValue()))
                .sorted(Comparator.comparing((EntryCount c) -> c.category().map(Enum::ordinal).orElse(Integer.MAX_VALUE))
                        .thenComparing(EntryCount::distribution).thenComparing(c -> SignalTypes.ALL.indexOf(c.type())))
                .toList();
    }

    private record CountKey(Optional<Category> category, Distribution distribution, SignalType type) {}

    /**
     * Adds or updates entries of the principal's own bank, all or nothing.
     *
     * @throws IllegalArgumentException over {@value #MAX_ENTRIES_PER_REQUEST} entries
     */
    public ImportResult addEntries(Principal principal, long bankId, List<EntryData> entries) {
        AccessDeniedException.require(principal, Permission.WRITE);
        if (entries.size() > MAX_ENTRIES_PER_REQUEST)
            throw new IllegalArgumentException("at most " + MAX_ENTRIES_PER_REQUEST + " entries per request, not " + entries.size());
        return write(Actor.of(principal), importable(principal, bankId), principal.organisationName(), EntrySource.of(entries),
                AuditActions.ENTRIES_ADD, Map.of());
    }

    /**
     * The principal's own bank, when it may write to it: check this before reading an upload, so that a refusal costs
     * nothing. {@link NotFoundException} for a bank it may not see, {@link AccessDeniedException} for one it only sees.
     */
    public Bank importable(Principal principal, long bankId) {
        AccessDeniedException.require(principal, Permission.WRITE);
        return ownBank(principal, bankId);
    }

    /**
     * Adds or updates entries of the principal's own bank from a source of any length (a file being read), in one
     * transaction: when the source fails (a bad record), an {@link io.vgtx.core.store.ImportFailedException} and
     * nothing written, neither entries nor change log nor audit. {@code details} (e.g. the format) go into the audit event.
     */
    public ImportResult importEntries(Principal principal, long bankId, EntrySource source, Map<String, String> details) {
        return write(Actor.of(principal), importable(principal, bankId), principal.organisationName(), source, AuditActions.ENTRIES_IMPORT, details);
    }

    private ImportResult write(Actor actor, Bank bank, String sourceOrganisation, EntrySource source, String action, Map<String, String> details) {
        return store.addEntries(bank.name(), sourceOrganisation, source, hooks::retracted, (handle, result) -> {
            Map<String, String> audited = new HashMap<>(details);
            audited.put("added", String.valueOf(result.added()));
            audited.put("updated", String.valueOf(result.updated()));
            audited.put("unchanged", String.valueOf(result.unchanged()));
            audit.append(handle, actor, action, "bank:" + bank.id(), Outcome.OK, audited);
        });
    }

    /**
     * A page of the bank's entries the principal may see, retracted ones included (as retractions).
     *
     * @throws NotFoundException when the principal may see nothing of the bank: a RED bank's existence is not revealed
     */
    public EntryPage entries(Principal principal, long bankId, long afterId, int limit) {
        AccessDeniedException.require(principal, Permission.READ);
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", not " + limit);
        Sight sight = sight(principal);
        Bank bank = visibleBank(principal, sight, bankId);
        List<Entry> page = new ArrayList<>();
        long cursor = afterId;
        boolean more = true;
        // Reads in pages of the limit until enough visible entries are found or the bank ends.
        while (page.size() < limit && more) {
            List<Entry> batch = store.entries(bank.id(), cursor, limit);
            more = batch.size() == limit;
            for (Entry entry : batch) {
                cursor = entry.id();
                if (sight.canSee(entry)) page.add(entry);
                if (page.size() == limit) break;
            }
        }
        auditRestrictedRead(principal, "entries.read", "bank:" + bank.id(), page);
        return new EntryPage(page, more || page.size() == limit ? OptionalLong.of(cursor) : OptionalLong.empty());
    }

    /**
     * The bank, when the principal may export it: check this before any output is produced.
     *
     * @throws NotFoundException as {@link #entries}
     */
    public Bank exportable(Principal principal, long bankId) {
        AccessDeniedException.require(principal, Permission.READ);
        return visibleBank(principal, sight(principal), bankId);
    }

    /** Streams every entry of the bank the principal may see, for export. @throws NotFoundException as {@link #entries} */
    public long export(Principal principal, long bankId, String format, Consumer<Entry> consumer) {
        Bank bank = exportable(principal, bankId);
        Sight sight = sight(principal);
        long[] counts = new long[2];
        store.forEachEntry(bank.name(), entry -> {
            if (!sight.canSee(entry)) return;
            counts[0]++;
            if (Sight.isRestricted(entry)) counts[1]++;
            consumer.accept(entry);
        });
        if (counts[1] > 0) audit.append(Actor.of(principal), "bank.export", "bank:" + bank.id(), Outcome.OK,
                Map.of("format", format, "entries", String.valueOf(counts[0]), "restricted", String.valueOf(counts[1])));
        return counts[0];
    }

    /** One entry the principal may see, with its opinions. @throws NotFoundException otherwise */
    public EntryDetail entry(Principal principal, long entryId) {
        AccessDeniedException.require(principal, Permission.READ);
        Entry entry = visibleEntry(principal, sight(principal), entryId);
        auditRestrictedRead(principal, "entry.read", "entry:" + entryId, List.of(entry));
        return new EntryDetail(entry, opinions.of(entryId));
    }

    /**
     * Another organisation's confirmation or dispute of an entry it may see. The same verdict again changes nothing and
     * tells no one (it answers the recorded opinion); a changed verdict is recorded and audited, and the owner is told of
     * each organisation's confirmation and of its dispute once each, however often it changes its mind.
     */
    public Opinion giveOpinion(Principal principal, long entryId, Verdict verdict, Optional<String> reason) {
        AccessDeniedException.require(principal, Permission.WRITE);
        Sight sight = sight(principal);
        Entry entry = visibleEntry(principal, sight, entryId);
        Bank bank = sight.bank(entry.bankId()).orElseThrow();
        NotificationKind kind = verdict == Verdict.CONFIRM ? NotificationKind.ENTRY_CONFIRMED : NotificationKind.ENTRY_DISPUTED;
        return opinions.give(entryId, principal.organisationName(), verdict, reason, (handle, opinion) -> {
            // Once per organisation and verdict: one that flips between confirming and disputing does not flood the owner.
            notifications.notifyOnce(handle, bank.owner(), kind, "entry:" + entryId, Map.of("by", principal.organisationName(), "bank", bank.name()));
            audit.append(handle, Actor.of(principal), "entry." + verdict.name().toLowerCase(java.util.Locale.ROOT), "entry:" + entryId,
                    Outcome.OK, Map.of());
            hooks.opinionGiven(handle, entry, opinion);
        });
    }

    /** The owner withdraws an entry: it stops matching and the retraction reaches every feed reader who could see it. */
    public Entry retract(Principal principal, long entryId) {
        AccessDeniedException.require(principal, Permission.WRITE);
        Sight sight = sight(principal);
        Entry entry = visibleEntry(principal, sight, entryId);
        if (!sight.owns(sight.bank(entry.bankId()).orElseThrow()))
            throw new AccessDeniedException("only the owner of bank '" + entry.bankName() + "' may retract its entries");
        return store.retract(entryId, (handle, retracted) -> {
            audit.append(handle, Actor.of(principal), AuditActions.ENTRY_RETRACT, "entry:" + entryId, Outcome.OK, Map.of());
            hooks.retracted(handle, retracted);
        });
    }

    private Sight sight(Principal principal) {
        return Sight.of(principal, store, recipients);
    }

    private Bank ownBank(Principal principal, long bankId) {
        Sight sight = sight(principal);
        Bank bank = visibleBank(principal, sight, bankId);
        if (!sight.owns(bank)) throw new AccessDeniedException("only the owner of bank '" + bank.name() + "' may add to it");
        return bank;
    }

    /**
     * A bank the principal owns, whose default distribution it falls under, or with an active entry it may
     * see; otherwise "not found", so that a RED bank's existence is not revealed to outsiders.
     */
    private Bank visibleBank(Principal principal, Sight sight, long bankId) {
        Optional<Bank> bank = sight.bank(bankId);
        if (bank.isPresent() && (sight.owns(bank.get()) || sight.canSee(bank.get(), bank.get().defaultDistribution())
                || anyVisibleEntry(sight, bank.get()))) return bank.get();
        throw new NotFoundException("no bank " + bankId);
    }

    private boolean anyVisibleEntry(Sight sight, Bank bank) {
        java.util.Set<Distribution> visible = java.util.EnumSet.noneOf(Distribution.class);
        for (Distribution distribution : Distribution.values()) if (sight.canSee(bank, distribution)) visible.add(distribution);
        return store.hasActiveEntry(bank.id(), visible);
    }

    private Entry visibleEntry(Principal principal, Sight sight, long entryId) {
        return store.entry(entryId).filter(sight::canSee).orElseThrow(() -> new NotFoundException("no entry " + entryId));
    }

    private void auditRestrictedRead(Principal principal, String action, String subject, List<Entry> entries) {
        long restricted = entries.stream().filter(Sight::isRestricted).count();
        if (restricted > 0) audit.append(Actor.of(principal), action, subject, Outcome.OK,
                Map.of("entries", String.valueOf(entries.size()), "restricted", String.valueOf(restricted)));
    }
}
