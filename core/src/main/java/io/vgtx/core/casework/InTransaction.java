package io.vgtx.core.casework;

import io.vgtx.core.org.MembershipState;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.policy.Viewer;
import io.vgtx.core.sharing.Sight;
import io.vgtx.core.store.BankStore;
import org.jdbi.v3.core.Handle;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Reads casework needs inside a write transaction, on its handle: the services' own read methods open a read
 * transaction, which PostgreSQL's single pool cannot nest inside the write.
 */
final class InTransaction {
    private InTransaction() {}

    /** An organisation as alerts need it: who it is, its contact. */
    record Org(Viewer viewer, Optional<String> contact) {}

    static Optional<Org> organisation(Handle handle, String name) {
        return handle.createQuery("SELECT id, name, kind, state, contact FROM organisations WHERE name = :name")
                .bind("name", name)
                .map((rs, ctx) -> new Org(new Viewer(rs.getLong(1), rs.getString(2), OrganisationKind.valueOf(rs.getString(3)),
                        MembershipState.valueOf(rs.getString(4))), Optional.ofNullable(rs.getString(5))))
                .findOne();
    }

    /** What the organisation may see; one that does not exist sees nothing. */
    static Sight sight(Handle handle, BankStore store, String organisation) {
        Viewer viewer = organisation(handle, organisation).map(Org::viewer)
                .orElse(new Viewer(-1, organisation, OrganisationKind.NGO, MembershipState.WITHDRAWN));
        return sight(handle, store, viewer);
    }

    static Sight sight(Handle handle, BankStore store, Viewer viewer) {
        Map<Long, SortedSet<Long>> recipients = new HashMap<>();
        handle.createQuery("SELECT bank_id, organisation_id FROM bank_recipients")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> recipients.computeIfAbsent(e.getKey(), id -> new TreeSet<>()).add(e.getValue()));
        return Sight.of(viewer, store.banks(), recipients);
    }
}
