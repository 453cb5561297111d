package io.vgtx.core.bank;

/** Entries are never deleted: a retraction is a state, so it can spread to every copy. */
public enum EntryState { ACTIVE, RETRACTED }
