package io.vgtx.core.auth;

/**
 * The outcome of checking a token secret. A server answers every rejection the same way (401) and
 * logs the reason; the secret itself appears in neither.
 */
public sealed interface AuthResult {

    record Authenticated(Principal principal) implements AuthResult {}

    record Rejected(Reason reason) implements AuthResult {}

    enum Reason {
        /** Not a token this node issued (including anything not shaped like one). */
        UNKNOWN,
        REVOKED,
        EXPIRED
    }
}
