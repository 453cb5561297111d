package io.vgtx.core.store;

/**
 * What an import did.
 *
 * @param added     entries new to the bank
 * @param updated   entries already in the bank that changed (including retracted or re-activated)
 * @param unchanged entries already in the bank exactly as imported
 */
public record ImportResult(long added, long updated, long unchanged) {
    public long total() {
        return added + updated + unchanged;
    }

    /** {@code 3 added, 1 updated, 0 unchanged}, for people. */
    public String summary() {
        return added + " added, " + updated + " updated, " + unchanged + " unchanged";
    }
}
