package io.vgtx.core.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/** Which URLs a webhook may have: absolute {@code https://} URLs, and {@code http://} on the loopback when allowed. */
public final class WebhookUrls {
    public static final int MAX_LENGTH = 2048;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private WebhookUrls() {
    }

    /**
     * The URL, checked.
     *
     * @throws IllegalArgumentException saying what is wrong: not an absolute http(s) URL, another scheme, plain http to a
     *                                  host other than the loopback, credentials or a fragment in it, over {@value #MAX_LENGTH} characters
     */
    public static URI parse(String text, boolean allowLoopbackHttp) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a webhook needs a URL");
        if (text.length() > MAX_LENGTH) throw new IllegalArgumentException("the webhook URL is longer than " + MAX_LENGTH + " characters");
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the webhook URL is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || !(scheme.equals("https") || scheme.equals("http")))
            throw new IllegalArgumentException("the webhook URL must be an https:// URL");
        if (uri.getHost() == null || uri.getHost().isEmpty())
            throw new IllegalArgumentException("the webhook URL has no host name");
        if (uri.getRawUserInfo() != null)
            throw new IllegalArgumentException("the webhook URL must not hold a user name or password; requests are signed instead");
        if (uri.getRawFragment() != null) throw new IllegalArgumentException("the webhook URL must not have a #fragment");
        if (scheme.equals("http") && !(allowLoopbackHttp && isLoopback(uri)))
            throw new IllegalArgumentException(allowLoopbackHttp
                    ? "the webhook URL must be https://; plain http:// only to 127.0.0.1, [::1] or localhost"
                    : "the webhook URL must be https://");
        return uri;
    }

    /** Scheme, host and port only: what an audit event names, as a path or query may hold a receiver's own secret. */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    private static boolean isLoopback(URI uri) {
        return LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }
}
