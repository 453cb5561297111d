package io.vgtx.core.bank;

/**
 * A stored entry: its data with the bank's defaults applied, its id, its bank, and the change-log
 * sequence number of its last change.
 */
public record Entry(long id, long bankId, String bankName, String sourceOrganisation, EntryData data, long lastChangeSeq) {
}
