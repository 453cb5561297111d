package io.vgtx.core.audit;

/** What {@link AuditLog#verify} found. */
public sealed interface VerifyReport {
    /** Every event chains to the one before it and its hash is its fields'. */
    record Intact(long events, String lastHash) implements VerifyReport {}

    /**
     * The first place the chain breaks.
     *
     * @param seq    the event at fault (for DELETED, the first missing sequence number)
     * @param reason a sentence for a person
     */
    record Broken(long seq, Problem problem, String reason) implements VerifyReport {}

    enum Problem { EDITED, DELETED, REORDERED }
}
