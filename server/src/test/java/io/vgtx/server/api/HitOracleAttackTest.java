package io.vgtx.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vgtx.core.auth.Role;
import io.vgtx.core.org.Organisation;
import io.vgtx.core.org.OrganisationKind;
import io.vgtx.core.store.Backend;
import io.vgtx.core.webhook.Receiver;
import io.vgtx.index.hamming.Code256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's attack on hit/no-hit answers, as a hostile hotline would run it against a live node: it holds a hash 20
 * bits from a police force's AMBER entry, finds its distance (by {@code threshold}, or by walking its hash with
 * cumulative bit flips to the edge of 31 bits), then sends the 256 one-bit flips just inside the edge: the flips that
 * still hit would be the bits that differ. Run in one or two requests, over 100, and over three tokens and a console
 * user of the hotline, it must end no nearer the hidden value than it started, and the owner must be told. On both
 * databases, with the ration's background writer started, as {@code vgtx serve} runs it.
 */
@ParameterizedClass
@EnumSource(Backend.class)
class HitOracleAttackTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Random RANDOM = new Random(14);
    private static final Code256 HIDDEN = new Code256(RANDOM.nextLong(), RANDOM.nextLong(), RANDOM.nextLong(), RANDOM.nextLong());
    /** The attacker's own hash: 20 random bits from the hidden one. */
    private static final Code256 START = flipBits(HIDDEN, RANDOM.ints(0, 256).distinct().limit(20).toArray());

    @Parameter
    Backend backend;
    @TempDir
    Path tempDir;
    LiveNode node;
    final Receiver receiver = new Receiver();
    String ownerAdmin;
    final List<Channel> hotline = new ArrayList<>();

    /** One way in for the attacker: a token or a console session. Per hash asked, whether it got a hit. */
    interface Channel {
        List<Boolean> ask(List<Code256> hashes, Integer threshold);
    }

    @BeforeEach
    void node() {
        node = new LiveNode(backend, tempDir);
        node.services.matching().hiddenAnswers().start();
        Organisation police = node.taskforce.active("Owner Police", OrganisationKind.LAW_ENFORCEMENT);
        ownerAdmin = node.taskforce.token(police, Role.ADMIN);
        long bank = node.post(ownerAdmin, "/api/v1/banks", "{\"name\":\"amber\",\"distribution\":\"AMBER\",\"category\":\"A\"}").json().get("id").asLong();
        assertThat(node.post(ownerAdmin, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + HIDDEN.toHex() + "\"}]}").status()).isEqualTo(200);
        assertThat(node.post(ownerAdmin, "/api/v1/webhooks", "{\"url\":\"" + receiver.url("/probes") + "\",\"kinds\":[\"PROBE_SUSPECTED\"]}")
                .status()).isEqualTo(201);

        Organisation attacker = node.taskforce.active("Test Hotline", OrganisationKind.HOTLINE);
        for (Role role : List.of(Role.ANALYST, Role.VIEWER, Role.ADMIN)) {
            String token = node.taskforce.token(attacker, role);
            hotline.add((hashes, threshold) -> hits(node.post(token, "/api/v1/match", body(hashes, threshold)).json()));
        }
        String admin = node.taskforce.token(attacker, Role.ADMIN);
        assertThat(node.post(admin, "/api/v1/organisations/" + attacker.id() + "/users",
                "{\"login\":\"prober\",\"role\":\"ANALYST\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(201);
        ConsoleClient session = new ConsoleClient(node.server.uri());
        assertThat(session.signIn("prober", PASSWORD).status()).isEqualTo(200);
        hotline.add((hashes, threshold) -> {
            ConsoleClient.Reply reply = session.post("/api/v1/match", body(hashes, threshold));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            try {
                return hits(LiveNode.JSON.readTree(reply.body()));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @AfterEach
    void stop() {
        node.close();
        receiver.close();
    }

    @Test
    void theAttackWithThresholdEndsNoNearerAndTheOwnerIsTold() {
        Code256 guess = withThreshold(one(hotline.getFirst()));

        assertNoNearer(guess);
        assertOwnerTold();
    }

    @Test
    void theAttackWalkingToTheEdgeInTwoRequestsEndsNoNearerAndTheOwnerIsTold() {
        Code256 guess = walkingToTheEdge(one(hotline.getFirst()), 1);

        assertNoNearer(guess);
        assertOwnerTold();
    }

    @Test
    void theAttackSpreadOverAHundredRequestsEndsNoNearerAndTheOwnerIsTold() {
        Code256 guess = walkingToTheEdge(one(hotline.getFirst()), 50);

        assertNoNearer(guess);
        assertOwnerTold();
    }

    @Test
    void theAttackSpreadOverThreeTokensAndAConsoleUserEndsNoNearerAndTheOwnerIsTold() {
        Code256 guess = walkingToTheEdge(roundRobin(hotline), 50);

        assertNoNearer(guess);
        assertOwnerTold();
    }

    @Test
    void theAttackRecoversTheExactValueFromAnUnrationedOracle() {
        Requests answers = (hashes, threshold) -> hashes.stream().map(h -> distance(h, HIDDEN) <= (threshold == null ? 31 : threshold)).toList();

        assertThat(withThreshold(answers)).as("so the tests above would fail if the node answered as before").isEqualTo(HIDDEN);
        assertThat(walkingToTheEdge(answers, 1)).isEqualTo(HIDDEN);
        assertThat(walkingToTheEdge(answers, 50)).isEqualTo(HIDDEN);
    }

    @Test
    void oneQuotaServesMatchesImageMatchesAndReportAssessments() throws Exception {
        byte[] image = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("vgtx.testdata", "../../shared/testdata"))
                .resolve("pdq/images/reg-test-input/dih/bridge-1-original.jpg"));
        Code256 pdq = Code256.fromHex(node.postBytes(ownerAdmin, "/api/v1/match/image", "image/jpeg", image).json().get("pdq").asText());
        long bank = node.post(ownerAdmin, "/api/v1/banks", "{\"name\":\"bridge\",\"distribution\":\"AMBER\"}").json().get("id").asLong();
        assertThat(node.post(ownerAdmin, "/api/v1/banks/" + bank + "/entries",
                "{\"entries\":[{\"type\":\"PDQ\",\"value\":\"" + pdq.toHex() + "\"}]}").status()).isEqualTo(200);
        String analyst = node.taskforce.token(node.taskforce.organisations.findByName("Test Hotline").orElseThrow(), Role.ANALYST);

        assertThat(node.postBytes(analyst, "/api/v1/match/image", "image/jpeg", image).json().get("hits")).as("the image: 1").hasSize(1);
        for (int bit = 0; bit < 7; bit++) assertThat(hotline.get(bit % 4).ask(List.of(pdq.flip(bit)), null)).as("hash %d", bit + 2).containsExactly(true);
        assertThat(hotline.getFirst().ask(List.of(pdq.flip(100)), null)).as("the ninth").containsExactly(false);
        assertThat(node.postBytes(analyst, "/api/v1/match/image", "image/jpeg", image).json().get("hits")).as("the image again").hasSize(1);

        assertThat(assessedHits(analyst, pdq.flip(101))).as("a report's new hash, past the quota").isEmpty();
        assertThat(assessedHits(analyst, pdq.flip(3))).as("a report's hash answered before").hasSize(1);
    }

    /** The hits a report of one hash keeps when the hotline assesses it. */
    private JsonNode assessedHits(String token, Code256 hash) {
        LiveNode.Reply made = node.post(token, "/api/v1/reports", "{\"url\":\"https://files.example.de/x\",\"hashes\":[{\"type\":\"PDQ\",\"value\":\""
                + hash.toHex() + "\"}],\"source\":\"PUBLIC\",\"hostingCountry\":\"DE\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().get("id").asLong();
        LiveNode.Reply assessed = node.post(token, "/api/v1/reports/" + id + "/assessment", "{\"illegal\":true,\"category\":\"A\"}");
        assertThat(assessed.status()).as(assessed.body()).isEqualTo(200);
        return node.get(token, "/api/v1/reports/" + id).json().get("results").get(0).get("hits");
    }

    /** Finds the distance with {@code threshold} 0..31, then sends the 256 flips with threshold distance - 1: hits differ. */
    private static Code256 withThreshold(Requests requests) {
        int distance = 31;
        for (int t = 0; t <= 31; t++) {
            if (requests.send(List.of(START), t).getFirst()) {
                distance = t;
                break;
            }
        }
        // At 0 it would be the value itself, yet no match came: the threshold is ignored; it sends the flips anyway.
        List<Boolean> hit = requests.send(flipsOf(START), Math.max(0, distance - 1));
        return reconstruct(START, hit);
    }

    /**
     * Walks cumulative flips of bits 0, 1, 2, … from its hash until the first no-hit (the point before it is 31 bits
     * away), then sends that point's 256 one-bit flips: those that still hit (30 bits) are the bits that differ. Each
     * stage in {@code requestsPerStage} requests.
     */
    private static Code256 walkingToTheEdge(Requests requests, int requestsPerStage) {
        List<Code256> walk = new ArrayList<>();
        Code256 point = START;
        for (int k = 0; k < 256; k++) {
            walk.add(point);
            point = point.flip(k);
        }
        List<Boolean> hits = inRequests(requests, walk, requestsPerStage);
        int firstMiss = hits.indexOf(false);
        if (firstMiss <= 0) return START;
        Code256 edge = walk.get(firstMiss - 1);
        return reconstruct(edge, inRequests(requests, flipsOf(edge), requestsPerStage));
    }

    /** The point with every bit whose flip hit flipped; no flip hit (nothing learnt): the attacker's own hash. */
    private static Code256 reconstruct(Code256 point, List<Boolean> flipHits) {
        if (!flipHits.contains(true)) return START;
        for (int bit = 0; bit < 256; bit++) if (flipHits.get(bit)) point = point.flip(bit);
        return point;
    }

    /** Sends hashes as a client would: in requests of one channel, or channels taking turns. */
    interface Requests {
        List<Boolean> send(List<Code256> hashes, Integer threshold);
    }

    private static Requests one(Channel channel) {
        return channel::ask;
    }

    private static Requests roundRobin(List<Channel> channels) {
        int[] next = {0};
        return (hashes, threshold) -> channels.get(next[0]++ % channels.size()).ask(hashes, threshold);
    }

    private static List<Boolean> inRequests(Requests requests, List<Code256> hashes, int count) {
        List<Boolean> answers = new ArrayList<>();
        int per = (hashes.size() + count - 1) / count;
        for (int from = 0; from < hashes.size(); from += per) answers.addAll(requests.send(hashes.subList(from, Math.min(hashes.size(), from + per)), null));
        return answers;
    }

    private static List<Code256> flipsOf(Code256 point) {
        List<Code256> flips = new ArrayList<>(256);
        for (int bit = 0; bit < 256; bit++) flips.add(point.flip(bit));
        return flips;
    }

    /**
     * Against the ration the attacker's answers are at most 8 true ones per day: with threshold, its own hash hits at 0
     * (the node ignores the threshold for the entry), so it flips the first bits that hit, mostly bits that agree, and
     * ends farther; walking, the walk's first 8 points use up the quota and no flip of its "edge" hits, so it learns nothing.
     */
    private void assertNoNearer(Code256 guess) {
        assertThat(distance(guess, HIDDEN)).as("the attacker's best reconstruction, from %d bits", distance(START, HIDDEN))
                .isGreaterThanOrEqualTo(distance(START, HIDDEN));
    }

    /** The owner hears of the probe (notification and webhook), with how many hashes came near; the hidden value is in neither. */
    private void assertOwnerTold() {
        node.services.matching().hiddenAnswers().flush();
        JsonNode told = node.get(ownerAdmin, "/api/v1/notifications?kind=PROBE_SUSPECTED").json().get("notifications");
        assertThat(told).singleElement().satisfies(n -> {
            assertThat(n.get("details").get("asker").asText()).isEqualTo("Test Hotline");
            assertThat(n.get("details").get("near_queries").asLong()).isGreaterThanOrEqualTo(3);
        });
        JsonNode hits = node.get(ownerAdmin, "/api/v1/notifications?kind=MATCH_HIT").json().get("notifications");
        assertThat(hits).isNotEmpty().allSatisfy(n -> assertThat(n.get("details").get("near_queries").asText()).matches("\\d+:\\d+"));
        assertThat(node.services.webhookDelivery().runDue().delivered()).isEqualTo(1);
        assertThat(receiver.requests()).singleElement().satisfies(r -> {
            String body = new String(r.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(body).contains("PROBE_SUSPECTED").doesNotContain(HIDDEN.toHex());
        });
    }

    private static String body(List<Code256> hashes, Integer threshold) {
        return "{\"hashes\":[" + hashes.stream().map(h -> "{\"type\":\"PDQ\",\"value\":\"" + h.toHex() + "\"}").collect(Collectors.joining(","))
                + "]" + (threshold == null ? "" : ",\"threshold\":" + threshold) + "}";
    }

    private static List<Boolean> hits(JsonNode response) {
        List<Boolean> hits = new ArrayList<>();
        for (JsonNode result : response.get("results")) {
            assertThat(result.get("matches")).as("never a match: the hotline may not see the entry").isEmpty();
            hits.add(!result.get("hits").isEmpty());
        }
        return hits;
    }

    private static Code256 flipBits(Code256 code, int... bits) {
        for (int b : bits) code = code.flip(b);
        return code;
    }

    private static int distance(Code256 a, Code256 b) {
        return Long.bitCount(a.w0() ^ b.w0()) + Long.bitCount(a.w1() ^ b.w1()) + Long.bitCount(a.w2() ^ b.w2()) + Long.bitCount(a.w3() ^ b.w3());
    }
}
