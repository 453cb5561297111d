package io.vgtx.core.input;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Bounds on the times a client states (an entry's first-seen time, a report's reported time or takedown step, the day a
 * victim was identified): not before {@value #EARLIEST_TEXT}, and not after the node's now by more than a given clock skew.
 * Without them one report dated {@code 0001-01-01} made the node's time-to-removal statistics read two thousand years,
 * and {@code -999999999-01-01} overflowed the stored milliseconds (a 500). Hashes of the kind the node shares were not
 * exchanged before 1990, so no true time is refused.
 */
public final class StatedTime {
    static final String EARLIEST_TEXT = "1990-01-01";
    public static final LocalDate EARLIEST_DATE = LocalDate.parse(EARLIEST_TEXT);
    public static final Instant EARLIEST = EARLIEST_DATE.atStartOfDay(ZoneOffset.UTC).toInstant();
    /**
     * What a partner's clock may be ahead of the node's: a list written in UTC+14 dates its entries up to 14 hours into the
     * node's (UTC) future, and a partner's clock may be a little wrong besides.
     */
    public static final Duration CLOCK_SKEW = Duration.ofDays(1);

    private StatedTime() {}

    /** {@code at}, when it lies in [{@link #EARLIEST}, {@code now + skew}]; else an {@link IllegalArgumentException} naming {@code field}. */
    public static Instant check(String field, Instant at, Instant now, Duration skew) {
        if (at.isBefore(EARLIEST)) throw new IllegalArgumentException(field + ": " + at + " is before " + EARLIEST_TEXT + ", the earliest time this node takes");
        Instant latest = now.plus(skew);
        if (at.isAfter(latest)) {
            throw new IllegalArgumentException(field + ": " + at + " is in the future (now is " + now
                    + (skew.isZero() ? "" : ", and clocks may differ by " + skew.toHours() + " hours") + ")");
        }
        return at;
    }

    /** A stated day, as {@link #check} (today is {@code now}'s UTC date; {@code skew} whole days may follow it). */
    public static LocalDate checkDate(String field, LocalDate day, Instant now, Duration skew) {
        if (day.isBefore(EARLIEST_DATE)) throw new IllegalArgumentException(field + ": " + day + " is before " + EARLIEST_TEXT + ", the earliest day this node takes");
        LocalDate latest = LocalDate.ofInstant(now.plus(skew), ZoneOffset.UTC);
        if (day.isAfter(latest)) throw new IllegalArgumentException(field + ": " + day + " is in the future (today is " + LocalDate.ofInstant(now, ZoneOffset.UTC) + ")");
        return day;
    }
}
