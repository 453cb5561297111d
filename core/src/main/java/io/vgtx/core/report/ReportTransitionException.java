package io.vgtx.core.report;

/** A step the report's current state does not allow (a server answers 409 Conflict), naming both states. */
public final class ReportTransitionException extends RuntimeException {
    private final ReportState from;
    private final ReportState to;

    public ReportTransitionException(long reportId, ReportState from, ReportState to, String why) {
        super("report " + reportId + " cannot go from " + from + " to " + to + (why.isEmpty() ? "" : ": " + why));
        this.from = from;
        this.to = to;
    }

    public ReportState from() {
        return from;
    }

    public ReportState to() {
        return to;
    }
}
