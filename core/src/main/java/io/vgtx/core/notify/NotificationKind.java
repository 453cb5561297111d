package io.vgtx.core.notify;

/** Why an organisation is told something. */
public enum NotificationKind {
    /** Another organisation's query matched an entry of ours that it may not see: it was told to contact us. */
    MATCH_HIT,
    /**
     * Another organisation's queries crowd within a few bits of each other near an entry of ours that it may not see,
     * as a probe for the entry's value would (io.vgtx.core.ration.HiddenQuota): its answers are rationed; ask it why.
     */
    PROBE_SUSPECTED,
    /** Another organisation confirmed one of our entries. */
    ENTRY_CONFIRMED,
    /** Another organisation disputed one of our entries. */
    ENTRY_DISPUTED,
    /** Another organisation's case, match or report touches a hash or series one of our cases links (or the other way round). */
    DECONFLICTION,
    /** An entry whose hash one of our cases links was retracted by its owner. */
    ENTRY_WITHDRAWN_FROM_CASE,
    /** An entry whose hash one of our cases links has been disputed by enough organisations to doubt it. */
    ENTRY_DISPUTED_IN_CASE,
    /** An entry one of our reports relied on (its assessment kept the match) was retracted by its owner. */
    ENTRY_WITHDRAWN_FROM_REPORT,
    /** An entry one of our reports relied on has been disputed by enough organisations to doubt it. */
    ENTRY_DISPUTED_IN_REPORT,
    /** An entry we were shown as a match was retracted by its owner. */
    ENTRY_WITHDRAWN_AFTER_MATCH,
    /** An entry we were shown as a match has been disputed by enough organisations to doubt it. */
    ENTRY_DISPUTED_AFTER_MATCH,
    /** A report was routed to us: its hosting country is in our jurisdiction (or we are the fallback). */
    REPORT_ROUTED,
    /** One of our console users was locked out after repeated failed sign-ins (someone may be guessing its password). */
    USER_LOCKED,
    /**
     * The node administrator issued us a credential: our first ADMIN (onboarding), an ADMIN when we had no active one
     * left (recovery), or a BOARD seat. Nothing else of ours is the node's to issue.
     */
    CREDENTIAL_ISSUED_BY_NODE,
    /** An organisation asked for countries to handle reports for (told to the node's operator, who decides). */
    JURISDICTIONS_REQUESTED,
    /** The node administrator granted or refused the countries we asked for, or set our jurisdictions. */
    JURISDICTIONS_DECIDED
}
