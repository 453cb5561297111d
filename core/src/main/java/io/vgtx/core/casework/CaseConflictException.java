package io.vgtx.core.casework;

/** The case or series is not in a state that allows this (a CLOSED case, a series another agency marked). A server answers 409. */
public final class CaseConflictException extends RuntimeException {
    public CaseConflictException(String message) {
        super(message);
    }
}
