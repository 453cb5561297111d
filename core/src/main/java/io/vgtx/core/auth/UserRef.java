package io.vgtx.core.auth;

import java.util.Objects;

/**
 * A signed-in console user a {@link Principal} stands for (instead of an API token): who, for accountability
 * (audit events, votes), never how they authenticated.
 */
public record UserRef(long id, String login) {
    public UserRef {
        Objects.requireNonNull(login, "login");
    }

    /** {@code user:12 alice}: how audit events and votes name the person. */
    public String reference() {
        return "user:" + id + " " + login;
    }
}
