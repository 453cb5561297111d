package io.vgtx.core.org;

import java.time.Instant;
import java.util.Objects;

/**
 * The membership agreement an approved organisation signed, as recorded on this node.
 *
 * @param version     which version of the agreement text was signed
 * @param signatory   who signed for the organisation
 * @param recordedBy  who recorded it here (a token id or user reference), for accountability
 */
public record Agreement(String version, String signatory, Instant signedAt, String recordedBy) {
    public Agreement {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(signatory, "signatory");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }
}
