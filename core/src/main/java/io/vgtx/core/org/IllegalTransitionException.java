package io.vgtx.core.org;

/**
 * A membership change the organisation's current state does not allow (a server answers 409 Conflict).
 * Names the organisation and both states so the caller can see what was attempted.
 */
public final class IllegalTransitionException extends RuntimeException {
    private final MembershipState from;
    private final MembershipState to;

    public IllegalTransitionException(String organisation, MembershipState from, MembershipState to) {
        this(organisation, from, to, "");
    }

    public IllegalTransitionException(String organisation, MembershipState from, MembershipState to, String why) {
        super("organisation '" + organisation + "' cannot go from " + from + " to " + to + (why.isEmpty() ? "" : ": " + why));
        this.from = from;
        this.to = to;
    }

    public MembershipState from() {
        return from;
    }

    public MembershipState to() {
        return to;
    }
}
