package io.vgtx.formats.icse;

import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.core.signal.SignalType;

import java.util.List;
import java.util.Map;

/** The ICSE export's columns, and the ones that mean something to us. */
final class IcseColumns {
    static final List<String> HEADER = List.of("MD5", "SHA1", "PhotoDNA", "Image ID", "Is distributed", "Victim identified",
            "Offender identified", "Series name", "Number of submissions", "File Available", "Media Type", "Baseline");
    static final Map<String, SignalType> HASHES = Map.of(
            "MD5", DigestSignal.MD5, "SHA1", DigestSignal.SHA1, "PhotoDNA", PhotoDnaSignal.PHOTODNA);
    static final String SERIES = "Series name";
    static final String VICTIM_IDENTIFIED = "Victim identified";
    static final String BASELINE = "Baseline";
    static final String METADATA_PREFIX = "icse:";
    static final String IMAGE_ID = METADATA_PREFIX + "Image ID";
    static final String BASELINE_SCHEME = "INTERPOL_BASELINE";

    private IcseColumns() {}

    /** The column's name as the export spells it, or as written when it is not one of ours. */
    static String canonical(String header) {
        String name = header.strip();
        return HEADER.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    }

    /** Whether a column is kept as metadata rather than read into an entry field. */
    static boolean isMetadata(String column) {
        return !HASHES.containsKey(column) && !column.equals(SERIES) && !column.equals(VICTIM_IDENTIFIED) && !column.equals(BASELINE);
    }
}
