package io.vgtx.core.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a token may do within its organisation. Voting is the BOARD's alone, not ADMIN's: a board seat
 * is held deliberately, and the quorum counts organisations with a BOARD token, so a vote by any other
 * role would come from outside the counted board.
 */
public enum Role {
    /** Everything within its organisation; administers the node too when its organisation is the operator. */
    ADMIN(EnumSet.of(Permission.READ_MEMBERSHIP, Permission.READ, Permission.WRITE, Permission.MANAGE_ORGANISATION, Permission.NODE_ADMIN)),
    /** Reads and writes banks, entries and matches. */
    ANALYST(EnumSet.of(Permission.READ_MEMBERSHIP, Permission.READ, Permission.WRITE)),
    /** Reads only. */
    VIEWER(EnumSet.of(Permission.READ_MEMBERSHIP, Permission.READ)),
    /** Votes on applications (and sees them). */
    BOARD(EnumSet.of(Permission.READ_MEMBERSHIP, Permission.VOTE));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    /**
     * Whether the role carries the permission. Not the whole answer for a request: use
     * {@link Principal#may}, which also requires an ACTIVE organisation and, for NODE_ADMIN, the operator.
     */
    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }
}
