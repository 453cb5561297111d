package io.vgtx.core.report;

import io.vgtx.core.input.CleanText;
import io.vgtx.core.org.Countries;
import io.vgtx.core.sharing.HashQuery;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a report says when it is made: a URL, content hashes, or both — never the content itself. Checked on
 * construction; each {@link IllegalArgumentException} names the field (as the API spells it) that is wrong.
 *
 * @param reportedAt      when the report reached the reporting organisation; empty means now
 * @param hostingCountry  where the content is hosted (ISO 3166-1 alpha-2): whose jurisdiction receives it
 * @param uploaderCountry where the uploader appears to be, when known
 */
public record NewReport(Optional<String> url, List<HashQuery> hashes, ReportSource source, Optional<Instant> reportedAt,
                        String hostingCountry, Optional<String> uploaderCountry) {
    public static final int MAX_HASHES = 1000;
    public static final int MAX_URL_LENGTH = 4096;

    public NewReport {
        Objects.requireNonNull(url, "url");
        url = url.map(NewReport::checkUrl);
        hashes = List.copyOf(Objects.requireNonNull(hashes, "hashes"));
        if (hashes.size() > MAX_HASHES) throw new IllegalArgumentException("hashes: at most " + MAX_HASHES + " per report, not " + hashes.size());
        if (url.isEmpty() && hashes.isEmpty()) throw new IllegalArgumentException("url: a report needs a url, hashes, or both");
        if (source == null) throw new IllegalArgumentException("source: required (PUBLIC, PARTNER or AUTOMATIC_MATCH)");
        Objects.requireNonNull(reportedAt, "reportedAt");
        hostingCountry = country("hostingCountry", hostingCountry);
        Objects.requireNonNull(uploaderCountry, "uploaderCountry");
        uploaderCountry = uploaderCountry.map(code -> country("uploaderCountry", code));
    }

    private static String country(String field, String code) {
        if (code == null) throw new IllegalArgumentException(field + ": required (ISO 3166-1 alpha-2, e.g. DE)");
        try {
            return Countries.normalise(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage());
        }
    }

    /** An absolute URI with a scheme and no spaces; the scheme is not restricted (hotlines see http, ftp, onion services …). */
    private static String checkUrl(String text) {
        String url = text.strip();
        if (url.isEmpty()) throw new IllegalArgumentException("url: must not be blank (leave it out for a report of hashes only)");
        if (url.length() > MAX_URL_LENGTH) throw new IllegalArgumentException("url: longer than " + MAX_URL_LENGTH + " characters");
        url = CleanText.line("url", url, MAX_URL_LENGTH);
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()) throw new IllegalArgumentException("url: must be absolute, with a scheme such as https://");
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getHost().isEmpty()))
                throw new IllegalArgumentException("url: an http(s) URL needs a host");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: not a valid URI at index " + e.getIndex() + " (" + e.getReason() + ")");
        }
        return url;
    }
}
