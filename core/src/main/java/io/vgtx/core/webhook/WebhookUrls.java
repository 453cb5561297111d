package io.vgtx.core.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which URLs a webhook may have: absolute {@code https://} or {@code http://} URLs with a host and a port in 1..65535,
 * without credentials or a fragment. Where they may lead (public addresses; plain http only to the ranges the operator
 * allows) is {@link WebhookAddresses}' to say, on the resolved address.
 */
public final class WebhookUrls {
    public static final int MAX_LENGTH = 2048;

    private WebhookUrls() {
    }

    /**
     * The URL, checked.
     *
     * @throws IllegalArgumentException saying what is wrong: not an absolute http(s) URL, another scheme, a port out of
     *                                  range, credentials or a fragment in it, over {@value #MAX_LENGTH} characters
     */
    public static URI parse(String text) {
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
        if (uri.getPort() == 0 || uri.getPort() > 65_535 || (uri.getPort() < 0 && hasPortSeparator(uri)))
            throw new IllegalArgumentException("the webhook URL's port must be 1..65535");
        return uri;
    }

    /** Scheme, host and port only: what an audit event names, as a path or query may hold a receiver's own secret. */
    public static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    /** {@code https://host:/} parses with no port: refused rather than guessed. */
    private static boolean hasPortSeparator(URI uri) {
        String authority = uri.getRawAuthority();
        return authority != null && authority.endsWith(":");
    }

    /** The port a delivery connects to: the URL's, else the scheme's. */
    public static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : 443;
    }
}
