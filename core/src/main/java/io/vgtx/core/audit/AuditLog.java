package io.vgtx.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vgtx.core.audit.AuditEvent.Outcome;
import io.vgtx.core.audit.VerifyReport.Problem;
import io.vgtx.core.store.Database;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The node's audit trail: every write and every read of AMBER or RED data appends an event, each
 * carrying the hash of the one before it, so that an edited, deleted or reordered event is detected by
 * {@link #verify}. Appending happens inside the write it records where there is one, so the act and
 * its record commit or roll back together.
 */
public final class AuditLog {
    /** Longer detail text is refused: details name things, they do not carry content. */
    public static final int MAX_DETAIL_LENGTH = 1000;
    public static final int MAX_PAGE = 1000;
    private static final String TOKEN_PREFIX = "vgtx_";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> STRINGS = new TypeReference<>() {};

    private final Database database;
    private final InstantSource clock;

    public AuditLog(Database database, InstantSource clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Appends in a write transaction of its own (e.g. for a read of restricted data). */
    public AuditEvent append(Actor actor, String action, String subject, Outcome outcome, Map<String, String> details) {
        return database.write(handle -> append(handle, actor, action, subject, outcome, details));
    }

    /**
     * Appends inside the caller's {@link Database#write} transaction, whose lock makes the sequence
     * number and the previous hash safe to read here.
     *
     * @throws IllegalArgumentException for a detail that is blank, longer than {@value #MAX_DETAIL_LENGTH}
     *                                  characters, or looks like an API token secret: the trail must never
     *                                  hold credentials or content
     */
    public AuditEvent append(Handle handle, Actor actor, String action, String subject, Outcome outcome,
                             Map<String, String> details) {
        requireName(action, "action");
        requireName(subject, "subject");
        checkDetails(details);
        Optional<Last> last = handle.createQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                .map((rs, ctx) -> new Last(rs.getLong(1), rs.getString(2))).findOne();
        long seq = last.map(l -> l.seq() + 1).orElse(1L);
        String prevHash = last.map(Last::hash).orElse(AuditEvent.GENESIS);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String hash = AuditEvent.chainHash(prevHash, seq, at, actor, action, subject, outcome, details);
        handle.createUpdate("""
                        INSERT INTO audit_log (seq, at, organisation, token_id, role, action, subject, outcome, details, prev_hash, hash, user_ref)
                        VALUES (:seq, :at, :organisation, :token, :role, :action, :subject, :outcome, :details, :prev, :hash, :user)""")
                .bind("seq", seq)
                .bind("at", at.toEpochMilli())
                .bind("organisation", actor.organisation())
                .bind("token", actor.tokenId().orElse(null))
                .bind("role", actor.role())
                .bind("action", action)
                .bind("subject", subject)
                .bind("outcome", outcome.name())
                .bind("details", write(details))
                .bind("prev", prevHash)
                .bind("hash", hash)
                .bind("user", actor.user().orElse(null))
                .execute();
        return new AuditEvent(seq, at, actor, action, subject, outcome, details, prevHash, hash);
    }

    /** Up to {@code limit} (1..{@value #MAX_PAGE}) events after {@code afterSeq}, in order. */
    public List<AuditEvent> list(long afterSeq, int limit) {
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ", not " + limit);
        return database.read(handle -> handle.createQuery("SELECT * FROM audit_log WHERE seq > :after ORDER BY seq LIMIT :limit")
                .bind("after", afterSeq).bind("limit", limit)
                .map((rs, ctx) -> event(rs)).list());
    }

    /**
     * Walks the whole trail in sequence order, holding two events at a time, and reports the first break:
     * <ul>
     *   <li>a missing sequence number: DELETED;
     *   <li>an event whose previous-hash is the hash of the event after it: REORDERED;
     *   <li>an event whose stored hash is not its fields' hash: EDITED; and an event whose previous-hash
     *       is not the hash of the event before it, with no gap and no swap: that earlier event was EDITED
     *       and re-hashed (or replaced).
     * </ul>
     * Deleting the newest events leaves a shorter, intact chain; compare {@link VerifyReport.Intact#lastHash}
     * with one kept elsewhere to detect that.
     */
    public VerifyReport verify() {
        return database.read(handle -> {
            try (Stream<AuditEvent> events = handle.createQuery("SELECT * FROM audit_log ORDER BY seq")
                    .setFetchSize(MAX_PAGE).map((rs, ctx) -> event(rs)).stream()) {
                return verify(events.iterator());
            }
        });
    }

    static VerifyReport verify(Iterator<AuditEvent> events) {
        AuditEvent previous = null;
        AuditEvent current = events.hasNext() ? events.next() : null;
        long count = 0;
        while (current != null) {
            AuditEvent next = events.hasNext() ? events.next() : null;
            Optional<VerifyReport.Broken> broken = check(previous, current, next);
            if (broken.isPresent()) return broken.get();
            count++;
            previous = current;
            current = next;
        }
        return new VerifyReport.Intact(count, previous == null ? AuditEvent.GENESIS : previous.hash());
    }

    private static Optional<VerifyReport.Broken> check(AuditEvent previous, AuditEvent current, AuditEvent next) {
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        String expectedPrev = previous == null ? AuditEvent.GENESIS : previous.hash();
        if (current.seq() != expectedSeq) {
            return broken(expectedSeq, Problem.DELETED, current.seq() == expectedSeq + 1
                    ? "event " + expectedSeq + " is missing"
                    : "events " + expectedSeq + " to " + (current.seq() - 1) + " are missing");
        }
        if (!current.prevHash().equals(expectedPrev)) {
            if (next != null && next.hash().equals(current.prevHash())) {
                return broken(current.seq(), Problem.REORDERED, "event " + current.seq() + " was chained after the event now at "
                        + next.seq() + ": the two have been swapped");
            }
            if (previous == null) return broken(1, Problem.EDITED, "event 1 does not start the chain");
            return broken(previous.seq(), Problem.EDITED, "event " + previous.seq() + " is not the event that event "
                    + current.seq() + " was chained to: it was changed and re-hashed, or replaced");
        }
        if (!current.hashMatchesFields()) {
            return broken(current.seq(), Problem.EDITED, "event " + current.seq() + " does not match its hash: a field was changed");
        }
        return Optional.empty();
    }

    private static Optional<VerifyReport.Broken> broken(long seq, Problem problem, String reason) {
        return Optional.of(new VerifyReport.Broken(seq, problem, reason));
    }

    private record Last(long seq, String hash) {}

    private static AuditEvent event(ResultSet rs) throws SQLException {
        long token = rs.getLong("token_id");
        Optional<Long> tokenId = rs.wasNull() ? Optional.empty() : Optional.of(token);
        return new AuditEvent(rs.getLong("seq"), Instant.ofEpochMilli(rs.getLong("at")),
                new Actor(rs.getString("organisation"), tokenId, rs.getString("role"), Optional.ofNullable(rs.getString("user_ref"))),
                rs.getString("action"), rs.getString("subject"), Outcome.valueOf(rs.getString("outcome")),
                read(rs.getString("details")), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static void checkDetails(Map<String, String> details) {
        details.forEach((key, value) -> {
            requireName(key, "detail key");
            if (value == null) throw new IllegalArgumentException("audit detail '" + key + "' has no value");
            if (key.length() > MAX_DETAIL_LENGTH || value.length() > MAX_DETAIL_LENGTH)
                throw new IllegalArgumentException("audit detail '" + key + "' is longer than " + MAX_DETAIL_LENGTH + " characters");
            if (value.strip().startsWith(TOKEN_PREFIX) || key.strip().startsWith(TOKEN_PREFIX))
                throw new IllegalArgumentException("audit detail '" + key + "' looks like an API token secret; the audit log never holds one");
        });
    }

    private static void requireName(String text, String what) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("audit " + what + " must not be blank");
    }

    private static String write(Map<String, String> details) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(details));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write audit details", e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            // A details column that is no longer JSON was edited: verify reports it as a hash mismatch.
            return Map.of("unreadable", json.length() > 100 ? json.substring(0, 100) : json);
        }
    }
}
