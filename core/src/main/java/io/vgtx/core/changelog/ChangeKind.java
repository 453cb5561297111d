package io.vgtx.core.changelog;

/** What happened to an entry. */
public enum ChangeKind {
    /** The entry was new to its bank. */
    ADD,
    /** Something about the entry changed, including a retracted entry being added again. */
    UPDATE,
    /** The entry went from active to retracted. */
    RETRACT
}
