package io.vgtx.core.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * How a delivery is signed, as Stripe signs its webhooks: {@code X-VGTX-Timestamp: <unix seconds>} and
 * {@code X-VGTX-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>">}, keyed with the webhook's secret
 * (the whole string, UTF-8). A receiver recomputes the HMAC over the exact bytes it received, compares in
 * constant time, and refuses a timestamp too far from its own clock (replays).
 */
public final class WebhookSignature {
    public static final String TIMESTAMP_HEADER = "X-VGTX-Timestamp";
    public static final String SIGNATURE_HEADER = "X-VGTX-Signature";
    public static final String VERSION = "v1";

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} value: {@code v1=} and the hex HMAC. */
    public static String sign(String secret, long timestampSeconds, byte[] body) {
        return VERSION + "=" + HexFormat.of().formatHex(hmac(secret, timestampSeconds, body));
    }

    /** Whether {@code header} holds a {@code v1} signature of {@code timestamp.body} under {@code secret}; compared in constant time. */
    public static boolean verify(String secret, long timestampSeconds, byte[] body, String header) {
        if (header == null) return false;
        byte[] expected = hmac(secret, timestampSeconds, body);
        for (String part : header.split(",")) {
            String p = part.strip();
            if (!p.startsWith(VERSION + "=")) continue;
            try {
                if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(p.substring(VERSION.length() + 1)))) return true;
            } catch (IllegalArgumentException notHex) {
                // another signature may still match
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
