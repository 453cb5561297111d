package io.vgtx.core.org;

import io.vgtx.core.names.Skeleton;
import io.vgtx.core.input.CleanText;
import io.vgtx.core.store.AlreadyExistsException;
import io.vgtx.core.store.AlsoInTransaction;
import io.vgtx.core.store.Database;
import io.vgtx.core.store.NotFoundException;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organisations of the taskforce and their membership: application, board vote, agreement,
 * suspension, withdrawal. Who may call what (a BOARD token votes, the operator's ADMIN suspends) is
 * the caller's check, through {@code Principal.may}; this class keeps the states consistent.
 *
 * <p>Votes: each voting organisation has one vote per applicant. A second vote from the same
 * organisation, while the application is open, <em>replaces</em> its first, so a board member can
 * correct a mistake; it never counts twice. Votes are counted when one is cast, and only those of
 * organisations that may vote at that moment (see {@link QuorumRule}): a voter suspended since it
 * voted no longer counts.
 */
public final class Organisations {
    /** The role whose tokens make an organisation a voter; the tokens live in the auth package. */
    private static final String BOARD_ROLE = "BOARD";
    /** The longest name, agreement version or signatory accepted. */
    public static final int MAX_TEXT = 200;
    /** The longest contact accepted: an e-mail address may be 320 characters. */
    public static final int MAX_CONTACT = 320;
    /** More countries than exist: a longer list is a mistake or an attack. */
    public static final int MAX_JURISDICTIONS = 300;

    private final Database database;
    private final InstantSource clock;
    private final QuorumRule quorum;

    public Organisations(Database database, InstantSource clock) {
        this(database, clock, QuorumRule.majorityOfBoard());
    }

    public Organisations(Database database, InstantSource clock, QuorumRule quorum) {
        this.database = database;
        this.clock = clock;
        this.quorum = quorum;
    }

    /**
     * Creates the node's operating organisation, ACTIVE and law enforcement, on a node that has no
     * organisations yet: it is how the first administrator gets in.
     *
     * @throws AlreadyExistsException when the node has any organisation already
     */
    public Organisation initOperator(String name, String country) {
        return initOperator(name, country, null);
    }

    /** As {@link #initOperator(String, String)}, with the contact hit/no-hit answers give for its entries (blank: none). */
    public Organisation initOperator(String name, String country, String contact) {
        return initOperator(name, country, contact, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. the first tokens and the audit event). */
    public Organisation initOperator(String name, String country, String contact, AlsoInTransaction<Organisation> also) {
        String orgName = requireText(name, "organisation name");
        Optional<String> contactText = contact(contact);
        String code = Countries.normalise(country);
        return write(also, handle -> {
            Optional<String> existing = handle.createQuery("SELECT name FROM organisations ORDER BY operator DESC, id LIMIT 1")
                    .mapTo(String.class).findOne();
            if (existing.isPresent()) {
                throw new AlreadyExistsException("the node is initialised already (it has organisation '" + existing.get()
                        + "'): an operator is created only on an empty node");
            }
            return insert(handle, orgName, OrganisationKind.LAW_ENFORCEMENT, code, contactText, MembershipState.ACTIVE, true);
        });
    }

    /**
     * Records an application to join.
     *
     * @param contact an e-mail address or free text; blank means none
     * @throws AlreadyExistsException   when an organisation has that name
     * @throws IllegalArgumentException for a blank name or an invalid country code
     */
    public Organisation apply(String name, OrganisationKind kind, String country, String contact) {
        return apply(name, kind, country, contact, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. its audit event). */
    public Organisation apply(String name, OrganisationKind kind, String country, String contact, AlsoInTransaction<Organisation> also) {
        String orgName = requireText(name, "organisation name");
        String code = Countries.normalise(country);
        Optional<String> contactText = contact(contact);
        return write(also, handle -> {
            if (findByName(handle, orgName).isPresent()) throw new AlreadyExistsException("organisation '" + orgName + "' already exists");
            return insert(handle, orgName, kind, code, contactText, MembershipState.APPLIED, false);
        });
    }

    /**
     * Casts (or replaces) {@code voterId}'s vote on an application and applies the outcome: APPROVED
     * once approvals reach the quorum, REJECTED once rejections leave too few voters to reach it.
     *
     * @param voterRef who in the voting organisation voted (token id or user reference), kept with the vote
     * @return the count after this vote
     * @throws IneligibleVoterException    when the voter is not an ACTIVE organisation with a live BOARD token, or is the applicant
     * @throws IllegalTransitionException when the application is decided already (not APPLIED)
     * @throws NotFoundException           for an unknown applicant or voter
     */
    public Tally vote(long applicantId, long voterId, String voterRef, boolean approve) {
        return vote(applicantId, voterId, voterRef, approve, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. its audit event). */
    public Tally vote(long applicantId, long voterId, String voterRef, boolean approve, AlsoInTransaction<Tally> also) {
        String ref = requireText(voterRef, "voter reference");
        return write(also, handle -> {
            Organisation applicant = require(handle, applicantId);
            Organisation voter = require(handle, voterId);
            if (applicant.state() != MembershipState.APPLIED) {
                throw new IllegalTransitionException(applicant.name(), applicant.state(),
                        approve ? MembershipState.APPROVED : MembershipState.REJECTED, "votes are taken only while it is APPLIED");
            }
            if (voterId == applicantId) throw new IneligibleVoterException("an organisation cannot vote on its own application");
            if (!isVoter(handle, voterId)) {
                throw new IneligibleVoterException("organisation '" + voter.name() + "' may not vote: it must be ACTIVE and hold a BOARD token");
            }
            handle.createUpdate("DELETE FROM membership_votes WHERE applicant_id = :applicant AND voter_id = :voter")
                    .bind("applicant", applicantId).bind("voter", voterId).execute();
            handle.createUpdate("""
                            INSERT INTO membership_votes (applicant_id, voter_id, voter_ref, approve, cast_at)
                            VALUES (:applicant, :voter, :ref, :approve, :at)""")
                    .bind("applicant", applicantId).bind("voter", voterId).bind("ref", ref)
                    .bind("approve", approve).bind("at", now().toEpochMilli())
                    .execute();
            Tally tally = count(handle, applicant);
            if (tally.approvals() >= tally.required()) return decide(handle, applicant, tally, MembershipState.APPROVED);
            if (tally.rejections() > 0 && tally.approvalImpossible()) return decide(handle, applicant, tally, MembershipState.REJECTED);
            return tally;
        });
    }

    /** The current count of an application's votes (of organisations that may vote now). */
    public Tally tally(long applicantId) {
        return database.read(handle -> count(handle, require(handle, applicantId)));
    }

    /**
     * Every vote cast on an application, oldest first, including those of organisations that may no
     * longer vote (which {@link #tally} leaves out): the record of who decided what.
     */
    public List<Vote> votes(long applicantId) {
        return database.read(handle -> handle.createQuery("""
                        SELECT v.applicant_id, v.voter_id, o.name, v.voter_ref, v.approve, v.cast_at
                        FROM membership_votes v JOIN organisations o ON o.id = v.voter_id
                        WHERE v.applicant_id = :applicant ORDER BY v.cast_at, v.voter_id""")
                .bind("applicant", applicantId)
                .map((rs, ctx) -> new Vote(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), Instant.ofEpochMilli(rs.getLong(6))))
                .list());
    }

    /**
     * Records the signed membership agreement of an APPROVED organisation, which makes it ACTIVE.
     *
     * @param recordedBy who recorded it (token id or user reference)
     * @throws IllegalTransitionException unless the organisation is APPROVED
     */
    public Organisation recordAgreement(long orgId, String version, String signatory, String recordedBy) {
        return recordAgreement(orgId, version, signatory, recordedBy, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. its audit event). */
    public Organisation recordAgreement(long orgId, String version, String signatory, String recordedBy, AlsoInTransaction<Organisation> also) {
        String versionText = requireText(version, "agreement version");
        String signatoryText = requireText(signatory, "signatory");
        String recorder = requireText(recordedBy, "recorded by");
        return write(also, handle -> {
            Organisation org = require(handle, orgId);
            requireTransition(org, MembershipState.ACTIVE, MembershipState.APPROVED);
            handle.createUpdate("""
                            UPDATE organisations SET state = :state, agreement_version = :version, agreement_signatory = :signatory,
                                   agreement_signed_at = :at, agreement_recorded_by = :recorder
                            WHERE id = :id""")
                    .bind("state", MembershipState.ACTIVE.name()).bind("version", versionText).bind("signatory", signatoryText)
                    .bind("at", now().toEpochMilli()).bind("recorder", recorder).bind("id", orgId)
                    .execute();
            return require(handle, orgId);
        });
    }

    /** ACTIVE → SUSPENDED: its tokens stop working on their next use. The operator cannot be suspended. */
    public Organisation suspend(long orgId) {
        return suspend(orgId, AlsoInTransaction.nothing());
    }

    public Organisation suspend(long orgId, AlsoInTransaction<Organisation> also) {
        return move(orgId, MembershipState.SUSPENDED, MembershipState.ACTIVE, also);
    }

    /** SUSPENDED → ACTIVE. */
    public Organisation reinstate(long orgId) {
        return reinstate(orgId, AlsoInTransaction.nothing());
    }

    public Organisation reinstate(long orgId, AlsoInTransaction<Organisation> also) {
        return move(orgId, MembershipState.ACTIVE, MembershipState.SUSPENDED, also);
    }

    /** Any state but a final one → WITHDRAWN, which is final. The operator cannot withdraw. */
    public Organisation withdraw(long orgId) {
        return withdraw(orgId, AlsoInTransaction.nothing());
    }

    public Organisation withdraw(long orgId, AlsoInTransaction<Organisation> also) {
        return move(orgId, MembershipState.WITHDRAWN, null, also);
    }

    /**
     * Replaces the countries an organisation handles, at once: the node administrator's direct grant. A pending request
     * of the organisation is settled by it (removed). @throws IllegalArgumentException for an invalid code
     */
    public Organisation setJurisdictions(long orgId, Collection<String> countries) {
        return setJurisdictions(orgId, countries, AlsoInTransaction.nothing());
    }

    /** As the method above, running {@code also} in the same transaction (e.g. its audit event). */
    public Organisation setJurisdictions(long orgId, Collection<String> countries, AlsoInTransaction<Organisation> also) {
        List<String> codes = jurisdictionCodes(countries);
        return write(also, handle -> {
            require(handle, orgId);
            replaceJurisdictions(handle, orgId, codes);
            deleteRequest(handle, orgId);
            return require(handle, orgId);
        });
    }

    /**
     * Records that an organisation asks to handle these countries (all of them, replacing what it has, once granted),
     * replacing a request still pending. Nothing is routed by it until the node administrator grants it.
     *
     * @param requestedBy who asked (token id or user reference)
     * @throws IllegalArgumentException for an invalid code
     */
    public JurisdictionRequest requestJurisdictions(long orgId, Collection<String> countries, String requestedBy,
                                                    AlsoInTransaction<JurisdictionRequest> also) {
        List<String> codes = jurisdictionCodes(countries);
        String by = requireText(requestedBy, "requested by");
        return write(also, handle -> {
            require(handle, orgId);
            deleteRequest(handle, orgId);
            handle.createUpdate("""
                            INSERT INTO jurisdiction_requests (organisation_id, countries, requested_at, requested_by)
                            VALUES (:id, :countries, :at, :by)""")
                    .bind("id", orgId).bind("countries", String.join(",", codes)).bind("at", now().toEpochMilli()).bind("by", by)
                    .execute();
            return request(handle, orgId).orElseThrow();
        });
    }

    /**
     * Makes an organisation's pending request its jurisdictions.
     *
     * @throws NotFoundException when it has no pending request
     */
    public Organisation grantJurisdictions(long orgId, AlsoInTransaction<Organisation> also) {
        return write(also, handle -> {
            JurisdictionRequest pending = requirePending(handle, orgId);
            replaceJurisdictions(handle, orgId, pending.countries());
            deleteRequest(handle, orgId);
            return require(handle, orgId);
        });
    }

    /**
     * Drops an organisation's pending request; its jurisdictions stay as they are. Returns the request refused.
     *
     * @throws NotFoundException when it has no pending request
     */
    public JurisdictionRequest refuseJurisdictions(long orgId, AlsoInTransaction<JurisdictionRequest> also) {
        return write(also, handle -> {
            JurisdictionRequest pending = requirePending(handle, orgId);
            deleteRequest(handle, orgId);
            return pending;
        });
    }

    /** An organisation's pending request, if any. */
    public Optional<JurisdictionRequest> jurisdictionRequest(long orgId) {
        return database.read(handle -> request(handle, orgId));
    }

    /** Every pending request, oldest first. */
    public List<JurisdictionRequest> jurisdictionRequests() {
        return database.read(handle -> handle.createQuery(REQUESTS + " ORDER BY r.requested_at, r.organisation_id")
                .map((rs, ctx) -> jurisdictionRequest(rs)).list());
    }

    private static final String REQUESTS = """
            SELECT r.*, o.name FROM jurisdiction_requests r JOIN organisations o ON o.id = r.organisation_id""";

    private static Optional<JurisdictionRequest> request(Handle handle, long orgId) {
        return handle.createQuery(REQUESTS + " WHERE r.organisation_id = :id").bind("id", orgId)
                .map((rs, ctx) -> jurisdictionRequest(rs)).findOne();
    }

    private static JurisdictionRequest requirePending(Handle handle, long orgId) {
        Organisation org = require(handle, orgId);
        return request(handle, orgId).orElseThrow(() -> new NotFoundException("organisation '" + org.name()
                + "' has no pending jurisdiction request"));
    }

    private static JurisdictionRequest jurisdictionRequest(ResultSet rs) throws SQLException {
        String countries = rs.getString("countries");
        return new JurisdictionRequest(rs.getLong("organisation_id"), rs.getString("name"),
                countries.isEmpty() ? List.of() : List.of(countries.split(",")), Instant.ofEpochMilli(rs.getLong("requested_at")),
                rs.getString("requested_by"));
    }

    private static List<String> jurisdictionCodes(Collection<String> countries) {
        if (countries.size() > MAX_JURISDICTIONS)
            throw new IllegalArgumentException("at most " + MAX_JURISDICTIONS + " countries, not " + countries.size());
        return Countries.normaliseAll(countries);
    }

    private static void replaceJurisdictions(Handle handle, long orgId, List<String> codes) {
        handle.createUpdate("DELETE FROM organisation_jurisdictions WHERE organisation_id = :id").bind("id", orgId).execute();
        var insert = handle.prepareBatch("INSERT INTO organisation_jurisdictions (organisation_id, country) VALUES (:id, :country)");
        for (String code : codes) insert.bind("id", orgId).bind("country", code).add();
        if (!codes.isEmpty()) insert.execute();
    }

    private static void deleteRequest(Handle handle, long orgId) {
        handle.createUpdate("DELETE FROM jurisdiction_requests WHERE organisation_id = :id").bind("id", orgId).execute();
    }

    public Optional<Organisation> find(long id) {
        return database.read(handle -> find(handle, id));
    }

    public Optional<Organisation> findByName(String name) {
        return database.read(handle -> findByName(handle, name == null ? "" : name.strip()));
    }

    /** The node's operating organisation, once {@link #initOperator} has run. */
    public Optional<Organisation> operator() {
        return database.read(handle -> select(handle, "WHERE operator = :yes", Map.of("yes", true)).stream().findFirst());
    }

    /** Every organisation, by name. */
    public List<Organisation> list() {
        return database.read(handle -> select(handle, "ORDER BY name", Map.of()));
    }

    private Organisation move(long orgId, MembershipState to, MembershipState requiredFrom, AlsoInTransaction<Organisation> also) {
        return write(also, handle -> {
            Organisation org = require(handle, orgId);
            if (org.operator() && (to == MembershipState.SUSPENDED || to == MembershipState.WITHDRAWN)) {
                throw new IllegalTransitionException(org.name(), org.state(), to, "it operates this node");
            }
            requireTransition(org, to, requiredFrom);
            setState(handle, orgId, to);
            return require(handle, orgId);
        });
    }

    /** A write whose result {@code also} sees inside the same transaction. */
    private <R> R write(AlsoInTransaction<R> also, org.jdbi.v3.core.HandleCallback<R, RuntimeException> work) {
        return database.write(handle -> {
            R result = work.withHandle(handle);
            also.run(handle, result);
            return result;
        });
    }

    private static void requireTransition(Organisation org, MembershipState to, MembershipState requiredFrom) {
        boolean allowed = org.state().canBecome(to) && (requiredFrom == null || org.state() == requiredFrom);
        if (!allowed) throw new IllegalTransitionException(org.name(), org.state(), to);
    }

    private static Tally decide(Handle handle, Organisation applicant, Tally tally, MembershipState outcome) {
        setState(handle, applicant.id(), outcome);
        return new Tally(tally.approvals(), tally.rejections(), tally.voters(), tally.required(), outcome);
    }

    private static void setState(Handle handle, long orgId, MembershipState state) {
        handle.createUpdate("UPDATE organisations SET state = :state WHERE id = :id")
                .bind("state", state.name()).bind("id", orgId).execute();
    }

    private Tally count(Handle handle, Organisation applicant) {
        int voters = handle.createQuery("SELECT COUNT(*) FROM organisations o WHERE " + VOTER)
                .bind("active", MembershipState.ACTIVE.name()).bind("board", BOARD_ROLE).bind("now", now().toEpochMilli())
                .mapTo(int.class).one();
        int[] votes = {0, 0};
        handle.createQuery("SELECT v.approve FROM membership_votes v JOIN organisations o ON o.id = v.voter_id WHERE v.applicant_id = :applicant AND " + VOTER)
                .bind("applicant", applicant.id())
                .bind("active", MembershipState.ACTIVE.name()).bind("board", BOARD_ROLE).bind("now", now().toEpochMilli())
                .mapTo(boolean.class)
                .forEach(approve -> votes[approve ? 0 : 1]++);
        return new Tally(votes[0], votes[1], voters, quorum.required(voters), applicant.state());
    }

    /** An organisation {@code o} that may vote: ACTIVE, with a live BOARD token. */
    private static final String VOTER = """
            o.state = :active AND EXISTS (SELECT 1 FROM api_tokens t WHERE t.organisation_id = o.id AND t.role = :board
                AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > :now))""";

    private boolean isVoter(Handle handle, long orgId) {
        return handle.createQuery("SELECT COUNT(*) FROM organisations o WHERE o.id = :id AND " + VOTER)
                .bind("id", orgId)
                .bind("active", MembershipState.ACTIVE.name()).bind("board", BOARD_ROLE).bind("now", now().toEpochMilli())
                .mapTo(int.class).one() > 0;
    }

    /**
     * Inserts, once no organisation has a name that looks like this one ({@link Skeleton}: an impostor of another
     * organisation would get the reports and trust meant for it). The message does not name the other organisation:
     * an applicant is no one yet.
     */
    private Organisation insert(Handle handle, String name, OrganisationKind kind, String country, Optional<String> contact,
                                MembershipState state, boolean operator) {
        String skeleton = Skeleton.of(name);
        if (handle.createQuery("SELECT COUNT(*) FROM organisations WHERE name_skeleton = :skeleton").bind("skeleton", skeleton)
                .mapTo(int.class).one() > 0) {
            throw new AlreadyExistsException("organisation name '" + name + "' looks like the name of an organisation on this node "
                    + "(the same after Unicode look-alike letters, case and spaces are set aside)");
        }
        handle.createUpdate("""
                        INSERT INTO organisations (name, kind, country, contact, state, operator, created_at, name_skeleton)
                        VALUES (:name, :kind, :country, :contact, :state, :operator, :created, :skeleton)""")
                .bind("skeleton", skeleton)
                .bind("name", name).bind("kind", kind.name()).bind("country", country)
                .bind("contact", contact.orElse(null)).bind("state", state.name())
                .bind("operator", operator).bind("created", now().toEpochMilli())
                .execute();
        return findByName(handle, name).orElseThrow();
    }

    private static Organisation require(Handle handle, long id) {
        return find(handle, id).orElseThrow(() -> new NotFoundException("no organisation with id " + id));
    }

    private static Optional<Organisation> find(Handle handle, long id) {
        return select(handle, "WHERE id = :id", Map.of("id", id)).stream().findFirst();
    }

    private static Optional<Organisation> findByName(Handle handle, String name) {
        return select(handle, "WHERE name = :name", Map.of("name", name)).stream().findFirst();
    }

    /** Organisations with their jurisdictions, read in two queries whatever their number. */
    private static List<Organisation> select(Handle handle, String where, Map<String, Object> params) {
        List<Row> rows = handle.createQuery("SELECT * FROM organisations " + where).bindMap(params).map((rs, ctx) -> row(rs)).list();
        if (rows.isEmpty()) return List.of();
        Map<Long, List<String>> jurisdictions = new HashMap<>();
        handle.createQuery("SELECT organisation_id, country FROM organisation_jurisdictions WHERE organisation_id IN (<ids>) ORDER BY country")
                .bindList("ids", rows.stream().map(Row::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> jurisdictions.computeIfAbsent(e.getKey(), id -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> r.organisation(jurisdictions.getOrDefault(r.id(), List.of()))).toList();
    }

    /** An organisations row before its jurisdictions are attached. */
    private record Row(long id, String name, OrganisationKind kind, String country, Optional<String> contact,
                       MembershipState state, Instant createdAt, Optional<Agreement> agreement, boolean operator) {
        Organisation organisation(List<String> jurisdictions) {
            return new Organisation(id, name, kind, country, contact, jurisdictions, state, createdAt, agreement, operator);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String version = rs.getString("agreement_version");
        Optional<Agreement> agreement = version == null ? Optional.empty() : Optional.of(new Agreement(version,
                rs.getString("agreement_signatory"), Instant.ofEpochMilli(rs.getLong("agreement_signed_at")),
                rs.getString("agreement_recorded_by")));
        return new Row(rs.getLong("id"), rs.getString("name"), OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("country"), Optional.ofNullable(rs.getString("contact")),
                MembershipState.valueOf(rs.getString("state")), Instant.ofEpochMilli(rs.getLong("created_at")),
                agreement, rs.getBoolean("operator"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Names, versions and signatories are shown in lists and audit events: a bound keeps those readable and small. */
    private static String requireText(String text, String what) {
        return CleanText.name(what, text, MAX_TEXT);
    }

    private static Optional<String> contact(String contact) {
        return Optional.ofNullable(contact).map(String::strip).filter(c -> !c.isEmpty()).map(c -> CleanText.line("contact", c, MAX_CONTACT));
    }
}
