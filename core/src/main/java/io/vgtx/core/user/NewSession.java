package io.vgtx.core.user;

import java.util.Objects;

/**
 * A session just started: {@code secret} goes into the cookie, once; only its SHA-256 is stored.
 * {@link #toString()} leaves both secrets out.
 */
public record NewSession(String secret, ConsoleSession session) {
    public NewSession {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "NewSession[secret=…, session=" + session + "]";
    }
}
