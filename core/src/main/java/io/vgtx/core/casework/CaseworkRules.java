package io.vgtx.core.casework;

import io.vgtx.core.auth.AccessDeniedException;
import io.vgtx.core.auth.Permission;
import io.vgtx.core.auth.Principal;
import io.vgtx.core.input.CleanText;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Who may do casework, and the limits on what it names. */
final class CaseworkRules {
    static final int MAX_TEXT = 200;

    private CaseworkRules() {}

    /** Cases are kept by ACTIVE law-enforcement members; reading them takes READ. */
    static void requireLawEnforcement(Principal principal, Permission permission) {
        AccessDeniedException.require(principal, permission);
        if (!principal.isLawEnforcement())
            throw new AccessDeniedException("only law-enforcement members keep cases and mark series; '"
                    + principal.organisationName() + "' is " + principal.kind());
    }

    /** A series name as entries carry it: stripped, 1..{@value #MAX_TEXT} characters. */
    static String seriesName(String name) {
        return text(name, "series name");
    }

    static String text(String text, String what) {
        return CleanText.name(what, text, MAX_TEXT);
    }

    /**
     * How audit events name a series: a digest, not the name. The trail is read by the node's administrators, who
     * may not see every series; the digest still ties the events about one series together.
     */
    static String auditSubject(String series) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(series.getBytes(StandardCharsets.UTF_8));
            return "series:sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
