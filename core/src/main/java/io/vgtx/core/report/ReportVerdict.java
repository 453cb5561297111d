package io.vgtx.core.report;

import io.vgtx.core.bank.Category;
import io.vgtx.core.input.CleanText;

import java.util.Objects;
import java.util.Optional;

/** An analyst's assessment of a report: illegal, in a category, or not illegal, for a reason. */
public sealed interface ReportVerdict {
    int MAX_REASON_LENGTH = 2000;

    /** @param note the analyst's remark, if any (free text: never content) */
    record Illegal(Category category, Optional<String> note) implements ReportVerdict {
        public Illegal {
            if (category == null || category == Category.NOT_ILLEGAL)
                throw new IllegalArgumentException("category: an illegal report needs a category A, B, C or EXPLOITATIVE");
            note = Objects.requireNonNull(note, "note").map(String::strip).filter(n -> !n.isEmpty());
            note = note.map(n -> checkLength("note", n));
        }
    }

    record NotIllegal(String reason) implements ReportVerdict {
        public NotIllegal {
            if (reason == null || reason.isBlank()) throw new IllegalArgumentException("reason: required when the content is not illegal");
            reason = checkLength("reason", reason.strip());
        }
    }

    default boolean illegal() {
        return this instanceof Illegal;
    }

    /** A note or reason is free text: it may run over lines. */
    private static String checkLength(String field, String text) {
        return CleanText.multiline(field, text, MAX_REASON_LENGTH);
    }
}
