package io.vgtx.formats.stix;

import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.PhotoDnaSignal;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STIX patterns over file hashes. Names of hash algorithms: STIX 2.1 §2.7 (Hashes) says a key SHOULD come from
 * the open vocabulary {@code hash-algorithm-ov} (§10.7: {@code MD5}, {@code SHA-1}, {@code SHA-256}, …) and
 * otherwise MUST be 3..250 characters of {@code [a-zA-Z0-9_-]}. The {@code x_} prefix was STIX 2.0's rule for
 * custom names and is no longer required in 2.1, so PDQ and PhotoDNA go under their own names. Reading, an
 * {@code x_} prefix and any case are accepted.
 */
final class StixPatterns {
    private static final Map<SignalType, String> NAMES = Map.of(
            DigestSignal.MD5, "MD5", DigestSignal.SHA1, "SHA-1", DigestSignal.SHA256, "SHA-256",
            PdqSignal.PDQ, "PDQ", PhotoDnaSignal.PHOTODNA, "PhotoDNA");
    private static final String COMPARISON = "file:hashes\\.(?:'([^']+)'|([A-Za-z0-9_-]+))\\s*=\\s*'([^']*)'";
    private static final Pattern ONE = Pattern.compile(COMPARISON);
    private static final Pattern OR_OF_COMPARISONS = Pattern.compile("\\[\\s*" + COMPARISON + "(?:\\s+OR\\s+" + COMPARISON + ")*\\s*]");

    private StixPatterns() {}

    /** A hash algorithm's name and the hash, as a pattern comparison reads them. */
    record Comparison(String hashName, String value) {}

    static String pattern(SignalType type, String value) {
        return "[file:hashes.'" + NAMES.get(type) + "' = '" + value + "']";
    }

    /** The comparisons of a pattern that is only file-hash comparisons joined by OR; empty for any other pattern. */
    static Optional<List<Comparison>> fileHashes(String pattern) {
        if (!OR_OF_COMPARISONS.matcher(pattern.strip()).matches()) return Optional.empty();
        List<Comparison> comparisons = new ArrayList<>();
        Matcher matcher = ONE.matcher(pattern);
        while (matcher.find()) comparisons.add(new Comparison(matcher.group(1) != null ? matcher.group(1) : matcher.group(2), matcher.group(3)));
        return Optional.of(comparisons);
    }

    /** Our type for a hash algorithm's name, if we have one. */
    static Optional<SignalType> type(String hashName) {
        try {
            return Optional.of(SignalTypes.byName(hashName.replaceFirst("^[xX]_", "")));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
