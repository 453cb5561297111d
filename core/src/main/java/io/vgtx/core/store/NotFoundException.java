package io.vgtx.core.store;

/** A bank or entry that the caller named does not exist. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
