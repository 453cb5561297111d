package io.vgtx.core.auth;

import org.jdbi.v3.core.Handle;

import java.time.Instant;

/**
 * Who may give or take an organisation's credentials (API tokens and console users alike), so that no one acts as an
 * organisation it is not:
 * <ul>
 *   <li>an organisation's ADMIN manages its own ADMIN, ANALYST and VIEWER credentials;
 *   <li>BOARD credentials make their organisation a voter: seats on the board are the node's to give, so only a node
 *       administrator issues them, sets their passwords or enables them again (an organisation may still give up its
 *       own seat: revoke, disable, delete);
 *   <li>the node administrator does nothing else with another organisation's credentials, except issue it an ADMIN
 *       when it has no active one: its first (onboarding) or after it lost them all (recovery), which the caller
 *       audits and tells the organisation. It cannot reset another organisation's passwords, issue it ANALYST or
 *       VIEWER tokens (which would read its RED banks), nor revoke or disable its ADMINs (which would make a
 *       "recovery" of its own making).
 * </ul>
 * Within its own organisation, the node administrator is that organisation's ADMIN. What a principal does with
 * another organisation's membership (votes, agreement, suspension) is not a credential and not ruled here.
 */
public final class CredentialRules {
    private CredentialRules() {}

    /** Why an issue was allowed: the audit event says which. */
    public enum Grant {
        /** An organisation's ADMIN, for its own organisation. */
        OWN,
        /** The node administrator seats an organisation on the board. */
        BOARD_SEAT,
        /** The node administrator issues an organisation's first ADMIN. */
        ONBOARDING,
        /** The node administrator issues an ADMIN to an organisation that had ADMINs and has no active one left. */
        RECOVERY;

        /** Whether the node administrator acted for another organisation, which that organisation is told of. */
        public boolean byNodeForAnother() {
            return this != OWN;
        }
    }

    /** A credential just written, left out when counting the organisation's active ADMINs. */
    public record Issued(Kind kind, long id) {
        public enum Kind { TOKEN, USER }
    }

    /**
     * Whether {@code actor} may issue a credential of {@code role} to organisation {@code orgId}. Called in the write
     * transaction that inserts it, after the insert, so that two recoveries (or a recovery and the organisation's own
     * new ADMIN) cannot both see "no active ADMIN".
     *
     * @throws AccessDeniedException when it may not
     */
    public static Grant mayIssue(Handle handle, Principal actor, long orgId, String orgName, Role role, Issued issued, Instant now) {
        boolean nodeAdmin = actor.may(Permission.NODE_ADMIN);
        boolean own = actor.organisationId() == orgId && actor.may(Permission.MANAGE_ORGANISATION);
        if (role == Role.BOARD) {
            if (!nodeAdmin) throw new AccessDeniedException("only a node administrator may give a BOARD " + noun(issued)
                    + ": seats on the board are the node's to give");
            return own ? Grant.OWN : Grant.BOARD_SEAT;
        }
        if (own) return Grant.OWN;
        if (!nodeAdmin) {
            AccessDeniedException.require(actor, Permission.MANAGE_ORGANISATION);
            throw new AccessDeniedException("only an ADMIN of organisation '" + orgName + "' may issue its " + noun(issued) + "s");
        }
        if (role != Role.ADMIN) throw new AccessDeniedException("the node administrator may not issue " + role + " " + noun(issued)
                + "s of organisation '" + orgName + "': only its ADMIN may (the node issues an organisation only its first ADMIN, or one when it has none left)");
        if (activeAdmins(handle, orgId, issued, now) > 0) throw new AccessDeniedException("organisation '" + orgName
                + "' has an active ADMIN: only it may issue the organisation's credentials");
        return everHadAdmin(handle, orgId, issued) ? Grant.RECOVERY : Grant.ONBOARDING;
    }

    /** What is done to an existing credential. */
    public enum Change {
        /** Revoke a token; disable or delete a user. */
        TAKE_AWAY,
        /** Set a user's password, or enable it again. */
        HAND_OVER
    }

    /**
     * Whether {@code actor} may change a credential of {@code role} of organisation {@code orgId}.
     *
     * @throws AccessDeniedException when it may not
     */
    public static void mayChange(Principal actor, long orgId, String orgName, Role role, Change change, String what) {
        boolean nodeAdmin = actor.may(Permission.NODE_ADMIN);
        boolean own = actor.organisationId() == orgId && actor.may(Permission.MANAGE_ORGANISATION);
        if (role == Role.BOARD && (nodeAdmin || (own && change == Change.TAKE_AWAY))) return;
        if (role == Role.BOARD && own) throw new AccessDeniedException("only a node administrator may " + what
                + " of a BOARD user: seats on the board are the node's to give");
        if (own) return;
        if (nodeAdmin) throw new AccessDeniedException("the node administrator may not " + what + " of organisation '" + orgName
                + "': only its ADMIN may (suspend the organisation to stop it acting)");
        AccessDeniedException.require(actor, Permission.MANAGE_ORGANISATION);
        throw new AccessDeniedException("only an ADMIN of organisation '" + orgName + "' may " + what);
    }

    /** Live ADMIN tokens and enabled ADMIN users of the organisation, the one just issued left out. */
    private static int activeAdmins(Handle handle, long orgId, Issued issued, Instant now) {
        return handle.createQuery("""
                        SELECT (SELECT COUNT(*) FROM api_tokens WHERE organisation_id = :org AND role = 'ADMIN' AND id <> :token
                                    AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now))
                             + (SELECT COUNT(*) FROM users WHERE organisation_id = :org AND role = 'ADMIN' AND id <> :user
                                    AND disabled_at IS NULL)""")
                .bind("org", orgId).bind("now", now.toEpochMilli())
                .bind("token", issued.kind() == Issued.Kind.TOKEN ? issued.id() : -1)
                .bind("user", issued.kind() == Issued.Kind.USER ? issued.id() : -1)
                .mapTo(int.class).one();
    }

    /**
     * Whether it ever had an ADMIN besides the one just issued. A deleted user leaves no row, so an organisation whose
     * only ADMIN was a deleted user counts as onboarding: the audit trail keeps the deletion.
     */
    private static boolean everHadAdmin(Handle handle, long orgId, Issued issued) {
        return handle.createQuery("""
                        SELECT (SELECT COUNT(*) FROM api_tokens WHERE organisation_id = :org AND role = 'ADMIN' AND id <> :token)
                             + (SELECT COUNT(*) FROM users WHERE organisation_id = :org AND role = 'ADMIN' AND id <> :user)""")
                .bind("org", orgId)
                .bind("token", issued.kind() == Issued.Kind.TOKEN ? issued.id() : -1)
                .bind("user", issued.kind() == Issued.Kind.USER ? issued.id() : -1)
                .mapTo(int.class).one() > 0;
    }

    private static String noun(Issued issued) {
        return issued.kind() == Issued.Kind.TOKEN ? "token" : "user";
    }
}
