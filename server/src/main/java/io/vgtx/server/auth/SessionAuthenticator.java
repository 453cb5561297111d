package io.vgtx.server.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks a console session cookie and returns who it stands for, with the CSRF token that every state-changing
 * request of that session must repeat in the {@value SessionCookie#CSRF_HEADER} header. The principal is of the
 * same type a {@link BearerAuthenticator} returns, so a route cannot tell (and need not care) which one it came
 * from. Implementations must never log the cookie.
 */
@FunctionalInterface
public interface SessionAuthenticator<P> {
    Optional<Session<P>> authenticate(String cookieValue);

    record Session<P>(P principal, String csrfToken) {
        public Session {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(csrfToken, "csrfToken");
        }

        @Override
        public String toString() {
            return "Session[principal=" + principal + ", csrfToken=…]";
        }
    }

    /** Knows no session: only bearer tokens authenticate. The default. */
    static SessionAuthenticator<Object> none() {
        return cookie -> Optional.empty();
    }
}
