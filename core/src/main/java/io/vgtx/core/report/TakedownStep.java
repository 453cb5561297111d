package io.vgtx.core.report;

import java.util.Locale;

/** A step of notice and takedown, each the state the report moves to. */
public enum TakedownStep {
    /** A removal notice went to the hosting provider. */
    NOTICE_SENT(ReportState.NOTICE_SENT),
    /** The content is gone from the URL. */
    REMOVED(ReportState.REMOVED),
    /** Someone checked again and it is still gone. */
    REMOVAL_CONFIRMED(ReportState.REMOVAL_CONFIRMED);

    private final ReportState state;

    TakedownStep(ReportState state) {
        this.state = state;
    }

    public ReportState state() {
        return state;
    }

    public static TakedownStep parse(String text) {
        try {
            return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("step: unknown step '" + text + "' (expected NOTICE_SENT, REMOVED or REMOVAL_CONFIRMED)");
        }
    }
}
