package io.vgtx.server.auth;

import java.util.Optional;

/**
 * Checks a bearer token (the text after {@code Authorization: Bearer }) and returns who it belongs to, or
 * empty when it is unknown, revoked or expired. The principal is opaque to the framework: handlers get it back
 * with {@code call.principal(Type.class)}. Implementations must compare in constant time (or compare hashes)
 * and must never log the token.
 */
@FunctionalInterface
public interface BearerAuthenticator<P> {
    Optional<P> authenticate(String token);

    /** Knows no token: every authenticated route answers 401. The default until the domain provides one. */
    static BearerAuthenticator<Object> rejectAll() {
        return token -> Optional.empty();
    }
}
