package io.vgtx.core.report;

import io.vgtx.core.sharing.HashQuery;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * What else must know, in the assessment's own transaction, that an organisation assessed a report of these
 * hashes illegal: on a node, deconfliction against other organisations' cases (see
 * {@code io.vgtx.core.casework.Deconfliction#touch}). Reports do not depend on casework; the node wires the two.
 */
@FunctionalInterface
public interface ReportTouches {
    void assessedIllegal(Handle handle, String organisation, long reportId, List<HashQuery> hashes);

    static ReportTouches none() {
        return (handle, organisation, reportId, hashes) -> { };
    }
}
