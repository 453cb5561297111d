package io.vgtx.core.org;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * ISO 3166-1 alpha-2 country codes as we store them: two upper-case letters that ISO has <em>assigned</em> to a
 * country. Reports are routed by country, so a code that names no country (the user-assigned {@code AA},
 * {@code QM}–{@code QZ}, {@code XA}–{@code XZ}, {@code ZZ}, or the reserved {@code EU}, {@code UK}) would route
 * nowhere, or to whoever claimed it.
 *
 * <p>The JDK's list of officially assigned codes ({@link Locale#getISOCountries(Locale.IsoCountryCode)}, 249 codes
 * on JDK 25) has none of the user-assigned, exceptionally, transitionally or indeterminately reserved ones: checked
 * by {@code CountriesTest}.
 */
public final class Countries {
    private static final Set<String> ASSIGNED = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);
    /** Exceptionally reserved codes people use for a country whose assigned code differs. */
    private static final Map<String, String> INSTEAD = Map.of("UK", "GB", "EL", "GR");

    private Countries() {}

    /**
     * @throws IllegalArgumentException unless {@code code} is an assigned ISO 3166-1 alpha-2 code (any case, surrounding
     *                                  blanks ignored); for {@code UK} and {@code EL} the message names the assigned code
     */
    public static String normalise(String code) {
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        if (upper.length() != 2 || !isAsciiUpper(upper.charAt(0)) || !isAsciiUpper(upper.charAt(1))) {
            throw new IllegalArgumentException("not an ISO 3166-1 alpha-2 country code: '" + code + "' (expected two letters, e.g. GB)");
        }
        if (INSTEAD.containsKey(upper)) {
            throw new IllegalArgumentException("'" + upper + "' is not an assigned ISO 3166-1 alpha-2 country code: use " + INSTEAD.get(upper));
        }
        if (!ASSIGNED.contains(upper)) {
            throw new IllegalArgumentException("'" + upper + "' is not an assigned ISO 3166-1 alpha-2 country code "
                    + "(user-assigned and reserved codes such as EU, XX or ZZ name no country)");
        }
        return upper;
    }

    /** Each normalised, sorted, without repeats. */
    public static List<String> normaliseAll(Collection<String> codes) {
        return codes.stream().map(Countries::normalise).distinct().sorted().toList();
    }

    /** Whether ISO has assigned {@code code} (upper case) to a country. */
    public static boolean isAssigned(String code) {
        return ASSIGNED.contains(code);
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
