package io.vgtx.core.audit;

/**
 * The names of audit events written for one act from more than one place (the API, the console and the node's
 * command line): declared once, so that {@code vgtx audit list} shows one name for one act whoever did it.
 */
public final class AuditActions {
    private AuditActions() {}

    public static final String NODE_INIT = "node.init";
    public static final String TOKEN_ISSUE = "token.issue";
    public static final String TOKEN_REVOKE = "token.revoke";
    public static final String USER_CREATE = "user.create";
    public static final String USER_DISABLE = "user.disable";
    public static final String USER_ENABLE = "user.enable";
    public static final String USER_DELETE = "user.delete";
    public static final String USER_PASSWORD = "user.password";
    public static final String BANK_CREATE = "bank.create";
    /** Entries added in one request or command (API {@code POST …/entries}, {@code vgtx bank add}). */
    public static final String ENTRIES_ADD = "entries.add";
    /** A file imported (API import route, {@code vgtx bank import}). */
    public static final String ENTRIES_IMPORT = "entries.import";
    public static final String ENTRY_RETRACT = "entry.retract";
}
