package io.vgtx.core.auth;

/** What a request may need to be allowed to do; {@link Role#allows} says which role may. */
public enum Permission {
    /** See the organisations of the node, applications and their tallies. */
    READ_MEMBERSHIP,
    /** Read banks and entries, and match hashes against them (what is visible to the organisation). */
    READ,
    /** Create banks, add, update and retract entries of the organisation's own banks. */
    WRITE,
    /** Administer the organisation itself: its tokens, jurisdictions, and the recipients of its RED banks. */
    MANAGE_ORGANISATION,
    /** Vote on membership applications, on behalf of the organisation's seat on the board. */
    VOTE,
    /**
     * Administer the node: record agreements, suspend, reinstate, withdraw organisations. Only for an
     * ADMIN of the operating organisation ({@link Principal#may}).
     */
    NODE_ADMIN
}
