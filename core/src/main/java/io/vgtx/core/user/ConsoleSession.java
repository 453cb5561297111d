package io.vgtx.core.user;

import io.vgtx.core.auth.Principal;

import java.time.Instant;
import java.util.Objects;

/**
 * A live console session: who it acts as and the CSRF token its state-changing requests must carry.
 *
 * @param principal what a token of the user's organisation and role would be, with {@link Principal#user} set
 * @param expiresAt when it ends at the latest (absolute lifetime); an idle session ends sooner
 */
public record ConsoleSession(long id, Principal principal, String csrfToken, Instant expiresAt) {
    public ConsoleSession {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "ConsoleSession[id=" + id + ", principal=" + principal + ", csrfToken=…, expiresAt=" + expiresAt + "]";
    }
}
