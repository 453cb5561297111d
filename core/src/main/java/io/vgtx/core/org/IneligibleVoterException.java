package io.vgtx.core.org;

/**
 * A membership vote from an organisation that may not vote: it is not ACTIVE, holds no live BOARD
 * token, or is the applicant itself (a server answers 403 Forbidden).
 */
public final class IneligibleVoterException extends RuntimeException {
    public IneligibleVoterException(String message) {
        super(message);
    }
}
