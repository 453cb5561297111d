package io.vgtx.core.notify;

/** Why an organisation is told something. */
public enum NotificationKind {
    /** Another organisation's query matched an entry of ours that it may not see: it was told to contact us. */
    MATCH_HIT,
    /** Another organisation confirmed one of our entries. */
    ENTRY_CONFIRMED,
    /** Another organisation disputed one of our entries. */
    ENTRY_DISPUTED,
    /** A report was routed to us: its hosting country is in our jurisdiction (or we are the fallback). */
    REPORT_ROUTED
}
