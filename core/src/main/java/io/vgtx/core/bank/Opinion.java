package io.vgtx.core.bank;

import java.time.Instant;
import java.util.Optional;

/** One organisation's verdict on an entry it does not own; its latest verdict replaces earlier ones. */
public record Opinion(long entryId, String organisation, Verdict verdict, Optional<String> reason, Instant givenAt) {
}
