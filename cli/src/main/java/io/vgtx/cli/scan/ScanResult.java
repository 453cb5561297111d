package io.vgtx.cli.scan;

import io.vgtx.core.match.MatchResult;
import io.vgtx.hashing.content.HashOutcome;

import java.util.Optional;

/** One scanned file or archive member: how hashing went and, when it gave anything to look up, what matched. */
record ScanResult(HashOutcome outcome, Optional<MatchResult> matches) {
    boolean found() {
        return matches.map(m -> !m.matches().isEmpty()).orElse(false);
    }

    Optional<String> error() {
        return outcome instanceof HashOutcome.Failed failed ? Optional.of(failed.reason()) : Optional.empty();
    }
}
