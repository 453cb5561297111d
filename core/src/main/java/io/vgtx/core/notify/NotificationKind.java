package io.vgtx.core.notify;

/** Why an organisation is told something. */
public enum NotificationKind {
    /** Another organisation's query matched an entry of ours that it may not see: it was told to contact us. */
    MATCH_HIT,
    /** Another organisation confirmed one of our entries. */
    ENTRY_CONFIRMED,
    /** Another organisation disputed one of our entries. */
    ENTRY_DISPUTED,
    /** One of our console users was locked out after repeated failed sign-ins (someone may be guessing its password). */
    USER_LOCKED
}
