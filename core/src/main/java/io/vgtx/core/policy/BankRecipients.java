package io.vgtx.core.policy;

import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The organisations a bank's RED entries are shared with, besides its owner. Kept per bank: RED is a
 * decision about a body of material and its partners, not about single hashes. They are kept whatever
 * the bank's default distribution, and matter only for its entries that are RED.
 */
public final class BankRecipients {
    private final Database database;

    public BankRecipients(Database database) {
        this.database = database;
    }

    /**
     * Replaces a bank's recipients.
     *
     * @return the recipients now, by id
     * @throws NotFoundException for an unknown bank or organisation
     */
    public SortedSet<Long> set(String bankName, Collection<Long> organisationIds) {
        return database.write(handle -> set(handle, requireBank(handle, bankName), organisationIds));
    }

    /** As {@link #set(String, Collection)} inside the caller's write transaction, e.g. the one creating the bank. */
    public SortedSet<Long> set(Handle handle, long bankId, Collection<Long> organisationIds) {
        SortedSet<Long> ids = new TreeSet<>(organisationIds);
        requireOrganisations(handle, ids);
        handle.createUpdate("DELETE FROM bank_recipients WHERE bank_id = :bank").bind("bank", bankId).execute();
        var insert = handle.prepareBatch("INSERT INTO bank_recipients (bank_id, organisation_id) VALUES (:bank, :org)");
        for (long id : ids) insert.bind("bank", bankId).bind("org", id).add();
        if (!ids.isEmpty()) insert.execute();
        return recipients(handle, bankId);
    }

    /** A bank's recipients, by id. @throws NotFoundException for an unknown bank */
    public SortedSet<Long> recipients(String bankName) {
        return database.read(handle -> recipients(handle, requireBank(handle, bankName)));
    }

    /** Every bank's recipients by bank id (banks without any are absent): what a read path loads once. */
    public Map<Long, SortedSet<Long>> all() {
        return database.read(handle -> {
            Map<Long, SortedSet<Long>> byBank = new HashMap<>();
            handle.createQuery("SELECT bank_id, organisation_id FROM bank_recipients")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                    .forEach(e -> byBank.computeIfAbsent(e.getKey(), id -> new TreeSet<>()).add(e.getValue()));
            return byBank;
        });
    }

    private static SortedSet<Long> recipients(Handle handle, long bankId) {
        return new TreeSet<>(handle.createQuery("SELECT organisation_id FROM bank_recipients WHERE bank_id = :bank")
                .bind("bank", bankId).mapTo(long.class).list());
    }

    private static long requireBank(Handle handle, String name) {
        return handle.createQuery("SELECT id FROM banks WHERE name = :name").bind("name", name)
                .mapTo(long.class).findOne()
                .orElseThrow(() -> new NotFoundException("no bank named '" + name + "'"));
    }

    private static void requireOrganisations(Handle handle, SortedSet<Long> ids) {
        if (ids.isEmpty()) return;
        List<Long> known = handle.createQuery("SELECT id FROM organisations WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).mapTo(long.class).list();
        ids.stream().filter(id -> !known.contains(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("no organisation with id " + id);
        });
    }
}
