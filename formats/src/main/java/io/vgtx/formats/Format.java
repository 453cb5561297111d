package io.vgtx.formats;

import java.util.Locale;

/** The exchange formats of hash lists (see ../shared/FORMATS.md). */
public enum Format {
    /** Our CSV: header row, columns in any order. */
    CSV,
    /** One PDQ hash per line, optionally {@code hash,quality[,filename]}, as partners exchange them. */
    PDQ,
    /** What {@code vgtx hash --json} prints, one object per line. */
    JSONL,
    /** Project VIC (VICS) JSON, 1.x and 2.0. */
    VICS,
    /** INTERPOL ICSE export: ';'-separated CSV. */
    ICSE,
    /** STIX 2.1 bundle of indicators. */
    STIX;

    public static Format parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + name + "' (expected csv, pdq, jsonl, vics, icse or stix)");
        }
    }
}
