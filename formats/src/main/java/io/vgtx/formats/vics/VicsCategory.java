package io.vgtx.formats.vics;

import io.vgtx.core.bank.Category;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.Grade;

import java.util.Optional;

/**
 * The one table between Project VIC category codes and our categories. The code itself is always kept as
 * {@code Grade("VICS", code)}, so this crosswalk can change without re-importing.
 *
 * <pre>
 * code  Project VIC meaning                    our category
 *  0    non-pertinent                          NOT_ILLEGAL
 *  1    child abuse material                   (none) illegal, but VICS gives no A/B/C severity: the bank's default applies
 *  2    child exploitive / age difficult       EXPLOITATIVE
 *  3    CGI / animation                        (none) legality differs between member countries
 *  4    comparison                             NOT_ILLEGAL
 *  5    uncategorised (some tools; also null)  (none)
 * </pre>
 *
 * Writing, an entry's VICS grade gives the code; without one, A, B and C write 1, EXPLOITATIVE 2 and
 * NOT_ILLEGAL 0, and no category writes no code.
 */
enum VicsCategory {
    NON_PERTINENT(0, Category.NOT_ILLEGAL),
    CHILD_ABUSE_MATERIAL(1, null),
    CHILD_EXPLOITIVE(2, Category.EXPLOITATIVE),
    CGI_ANIMATION(3, null),
    COMPARISON(4, Category.NOT_ILLEGAL),
    UNCATEGORISED(5, null);

    static final String SCHEME = "VICS";

    private final int code;
    private final Category category;

    VicsCategory(int code, Category category) {
        this.code = code;
        this.category = category;
    }

    /** Our category for a code; codes outside the table (kept as a grade all the same) have none. */
    static Optional<Category> category(int code) {
        for (VicsCategory known : values()) if (known.code == code) return Optional.ofNullable(known.category);
        return Optional.empty();
    }

    /** The code to write for an entry: its VICS grade if it has one, else from our category. */
    static Optional<Integer> code(EntryData entry) {
        Optional<Integer> graded = entry.grades().stream().filter(g -> g.scheme().equals(SCHEME))
                .map(Grade::grade).reduce((first, last) -> last).flatMap(VicsCategory::parse);
        return graded.isPresent() ? graded : entry.category().map(VicsCategory::code);
    }

    private static int code(Category category) {
        return switch (category) {
            case A, B, C -> CHILD_ABUSE_MATERIAL.code;
            case EXPLOITATIVE -> CHILD_EXPLOITIVE.code;
            case NOT_ILLEGAL -> NON_PERTINENT.code;
        };
    }

    private static Optional<Integer> parse(String grade) {
        try {
            return Optional.of(Integer.parseInt(grade.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
