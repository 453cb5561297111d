package io.vgtx.core.report;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a report stands. {@code RECEIVED → ASSESSED (illegal) → ROUTED → NOTICE_SENT → REMOVED →
 * REMOVAL_CONFIRMED}, or {@code RECEIVED → NOT_ILLEGAL}, which is final. Every move is one of these; anything
 * else is a {@link ReportTransitionException} (a server answers 409). An assessed report that no organisation
 * can be routed to stays ASSESSED, with the reason, until it is routed again.
 */
public enum ReportState {
    RECEIVED, ASSESSED, NOT_ILLEGAL, ROUTED, NOTICE_SENT, REMOVED, REMOVAL_CONFIRMED;

    /** The states this one may move to. */
    public Set<ReportState> next() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ASSESSED, NOT_ILLEGAL);
            case ASSESSED -> EnumSet.of(ROUTED);
            case ROUTED -> EnumSet.of(NOTICE_SENT);
            case NOTICE_SENT -> EnumSet.of(REMOVED);
            case REMOVED -> EnumSet.of(REMOVAL_CONFIRMED);
            case NOT_ILLEGAL, REMOVAL_CONFIRMED -> EnumSet.noneOf(ReportState.class);
        };
    }

    public boolean canBecome(ReportState to) {
        return next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
