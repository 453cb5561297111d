package io.vgtx.core.org;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an organisation stands in the taskforce. {@code APPLIED → APPROVED (board vote) → ACTIVE
 * (agreement recorded) ⇄ SUSPENDED}; an applicant the board turns down is REJECTED; any organisation
 * may leave (WITHDRAWN). Only ACTIVE organisations read or write anything.
 *
 * <p>WITHDRAWN and REJECTED are final: a rejection is the board's decision, and turning it into a
 * withdrawal would lose that record.
 */
public enum MembershipState {
    APPLIED, APPROVED, ACTIVE, SUSPENDED, WITHDRAWN, REJECTED;

    /** The states this one may move to. */
    public Set<MembershipState> next() {
        return switch (this) {
            case APPLIED -> EnumSet.of(APPROVED, REJECTED, WITHDRAWN);
            case APPROVED -> EnumSet.of(ACTIVE, WITHDRAWN);
            case ACTIVE -> EnumSet.of(SUSPENDED, WITHDRAWN);
            case SUSPENDED -> EnumSet.of(ACTIVE, WITHDRAWN);
            case WITHDRAWN, REJECTED -> EnumSet.noneOf(MembershipState.class);
        };
    }

    public boolean canBecome(MembershipState to) {
        return next().contains(to);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }
}
