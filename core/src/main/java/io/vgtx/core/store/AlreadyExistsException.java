package io.vgtx.core.store;

/** Something with that name exists already (e.g. a bank). */
public final class AlreadyExistsException extends RuntimeException {
    public AlreadyExistsException(String message) {
        super(message);
    }
}
