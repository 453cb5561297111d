package io.vgtx.core.store;

import org.jdbi.v3.core.Handle;

/**
 * More work for a store's write transaction, e.g. the audit event of the change: it commits with the
 * change, or both roll back — a change is never left unaudited.
 */
@FunctionalInterface
public interface AlsoInTransaction<R> {
    void run(Handle handle, R result);

    static <R> AlsoInTransaction<R> nothing() {
        return (handle, result) -> { };
    }
}
