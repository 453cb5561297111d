package io.vgtx.core.user;

/**
 * The outcome of a sign-in. A server answers every refusal alike, so that it tells no one whether a login
 * exists or is locked; the reason is for the audit trail and the tests.
 */
public sealed interface SignInResult {
    record SignedIn(User user) implements SignInResult {}

    /** @param lockedNow this failure locked the account */
    record Refused(Reason reason, boolean lockedNow) implements SignInResult {}

    enum Reason {
        UNKNOWN_LOGIN,
        WRONG_PASSWORD,
        LOCKED,
        DISABLED
    }
}
