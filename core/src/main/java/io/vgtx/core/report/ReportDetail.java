package io.vgtx.core.report;

import io.vgtx.core.bank.Entry;
import io.vgtx.core.bank.VictimIdentification;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.Hit;
import io.vgtx.core.signal.SignalType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A report as one reader may see it: the report, the reader's relation to it, and for each of its hashes the
 * matching entries this reader may see and hit/no-hit answers for the others.
 */
public record ReportDetail(Report report, Relation relation, List<HashResult> results) {
    public ReportDetail {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(relation, "relation");
        results = List.copyOf(results);
    }

    public enum Relation {
        /** The reader's organisation made (and assesses) the report. */
        REPORTER,
        /** The report was routed to the reader's organisation. */
        RECEIVER
    }

    /**
     * @param matches the entries found at assessment that this reader may see now, as they are now
     * @param hits    organisations holding entries found at assessment that this reader may not see: contact them
     */
    public record HashResult(HashQuery hash, List<ReportMatch> matches, List<Hit> hits) {
        public HashResult {
            matches = List.copyOf(matches);
            hits = List.copyOf(hits);
        }
    }

    /** A matching entry the reader may see; {@code type} and {@code distance} are of the match found at assessment. */
    /**
     * @param victimIdentified whether the entry says its victim is identified, or its series is marked so (now)
     * @param identification   who identified the victim and when, when its series is marked
     */
    public record ReportMatch(Entry entry, SignalType type, int distance, boolean victimIdentified, Optional<VictimIdentification> identification) {
        public ReportMatch {
            Objects.requireNonNull(identification, "identification");
            if (identification.isPresent()) victimIdentified = true;
        }
    }
}
