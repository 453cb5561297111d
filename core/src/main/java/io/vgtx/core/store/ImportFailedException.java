package io.vgtx.core.store;

/**
 * An import stopped because its source failed (a malformed line, an unreadable file …). Nothing of it
 * was stored. The cause is the source's own exception, which should say where the problem is.
 */
public final class ImportFailedException extends RuntimeException {
    private final long entriesRead;

    ImportFailedException(String bank, long entriesRead, Exception cause) {
        super("nothing was added to bank '" + bank + "': the source failed after " + entriesRead
                + " entries: " + cause.getMessage(), cause);
        this.entriesRead = entriesRead;
    }

    /** How many entries the source had delivered before it failed. */
    public long entriesRead() {
        return entriesRead;
    }
}
