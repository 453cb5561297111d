package io.vgtx.server.api.bank;

import io.vgtx.core.match.MatchQuery;
import io.vgtx.core.ration.HiddenQuota;
import io.vgtx.core.sharing.HashQuery;
import io.vgtx.core.sharing.QueryResult;
import io.vgtx.core.sharing.SharedMatching;
import io.vgtx.core.signal.DigestSignal;
import io.vgtx.core.signal.PdqSignal;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.hashing.content.ContentHasher;
import io.vgtx.hashing.content.HashOptions;
import io.vgtx.hashing.content.HashOutcome;
import io.vgtx.hashing.image.ImageDecoders;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.api.bank.Views.HashItem;
import io.vgtx.server.api.bank.Views.HitView;
import io.vgtx.server.api.bank.Views.ImageMatchResponse;
import io.vgtx.server.api.bank.Views.MatchRequest;
import io.vgtx.server.api.bank.Views.MatchResponse;
import io.vgtx.server.api.bank.Views.MatchView;
import io.vgtx.server.api.bank.Views.ResultView;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Matching hashes, or an image hashed in memory, against every bank, with the distribution rules applied. */
public final class MatchRoutes implements ApiRoutes {
    private final SharedMatching matching;
    /**
     * Uploads over this are digested but not decoded: a request without Content-Length (chunked) is not stopped by the
     * server's body limit, so the buffer an image is decoded from must be bounded here.
     */
    static final long MAX_IMAGE_BYTES = 64L << 20;

    private static final HashOptions IMAGE_OPTIONS = new HashOptions(true, false, HashOptions.canonical().decode(), MAX_IMAGE_BYTES);

    private final ImageDecoders decoders = ImageDecoders.detect();

    /** What the OpenAPI document says of the ration (io.vgtx.core.ration.HiddenQuota). */
    private static final String RATIONED = "Hit/no-hit answers are rationed: per entry you may not see, your organisation (all its "
            + "tokens and users, matches, image matches and report assessments together) gets answers for at most `vgtx serve "
            + "--hidden-answers-per-day` (default " + HiddenQuota.DEFAULT_ANSWERS_PER_DAY + ") distinct PDQ hashes within "
            + HiddenQuota.NEAR_BITS + " bits of it per UTC day, hit or not (the same hash again counts once); past them the entry is "
            + "silent for you until the next day, and hashes crowding near it are told to its owner (`PROBE_SUSPECTED`).";

    public MatchRoutes(NodeServices services) {
        this.matching = services.matching();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/match").summary("Match hashes against every bank").tag("match")
                        .description("Up to " + SharedMatching.MAX_HASHES + " hashes of any type. `matches` holds the entries you may "
                                + "see, within `threshold` (0.." + PdqSignal.DEFAULT_THRESHOLD + ", default " + PdqSignal.DEFAULT_THRESHOLD + "); "
                                + "`hits` names organisations holding matches you may not see (contact them; they are told), always at the "
                                + "node's threshold (" + PdqSignal.DEFAULT_THRESHOLD + "), whatever `threshold` says. " + RATIONED
                                + " A PDQ hash with `quality` below " + SharedMatching.MIN_QUALITY + " is not looked up (`lowQuality`).")
                        .accepts(MatchRequest.class).returns(MatchResponse.class)
                        .handle(this::matchHashes),
                ApiRoute.post("/api/v1/match/image").summary("Match an image, hashed in memory and never stored").tag("match")
                        .description("The request body is the image file itself (`Content-Type: image/*` or `application/octet-stream`). "
                                + "It is hashed (MD5, SHA-1, SHA-256, PDQ in all eight orientations) in memory and forgotten. "
                                + "Hits are rationed as for `/api/v1/match`, from the same quota.")
                        .returns(ImageMatchResponse.class)
                        .handle(this::matchImage));
    }

    private MatchResponse matchHashes(ApiCall call) throws IOException {
        MatchRequest body = call.body(MatchRequest.class);
        if (body.hashes() == null) throw ApiProblem.validation("Field 'hashes' is required.");
        if (body.hashes().size() > SharedMatching.MAX_HASHES)
            throw ApiProblem.validation("At most " + SharedMatching.MAX_HASHES + " hashes per request, not " + body.hashes().size() + ".");
        List<HashQuery> queries = new ArrayList<>(body.hashes().size());
        for (int i = 0; i < body.hashes().size(); i++) queries.add(query(body.hashes().get(i), "hashes[" + i + "]"));
        int threshold = body.threshold() == null ? PdqSignal.DEFAULT_THRESHOLD : body.threshold();
        List<QueryResult> results = matching.match(BankRoutes.principal(call), queries, threshold);
        return new MatchResponse(results.stream().map(ResultView::of).toList());
    }

    private static HashQuery query(HashItem item, String where) {
        if (item == null || item.type() == null || item.value() == null) throw ApiProblem.validation(where + " needs a type and a value.");
        try {
            return new HashQuery(SignalTypes.byName(item.type().strip().toUpperCase(Locale.ROOT)), item.value(), Optional.ofNullable(item.quality()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(where + ": " + e.getMessage());
        }
    }

    private ImageMatchResponse matchImage(ApiCall call) throws IOException {
        String type = Optional.ofNullable(call.context().contentType()).orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("image/") && !type.startsWith("application/octet-stream"))
            throw ApiProblem.unsupportedMediaType("Send the image itself, with Content-Type image/* or application/octet-stream.");
        HashOutcome outcome;
        try (InputStream in = call.context().req().getInputStream()) {
            // One hasher per request: requests run on virtual threads, and a hasher keeps per-image buffers.
            outcome = new ContentHasher(decoders, IMAGE_OPTIONS).hashStream("upload", in);
        }
        var digests = outcome.digests().orElseThrow(() -> ApiProblem.validation("The request body is empty."));
        if (outcome instanceof HashOutcome.Failed failed && failed.size() == 0) throw ApiProblem.validation("The request body is empty.");
        Optional<io.vgtx.hashing.pdq.PdqResult> pdq = outcome instanceof HashOutcome.Hashed hashed ? Optional.of(hashed.pdq()) : Optional.empty();
        HashQuery described = pdq.map(p -> new HashQuery(PdqSignal.PDQ, p.hash().toHex(), Optional.of(p.quality())))
                .orElse(new HashQuery(DigestSignal.SHA256, digests.sha256(), Optional.empty()));
        QueryResult result = matching.matchContent(BankRoutes.principal(call), described,
                new MatchQuery(Optional.of(digests), pdq, PdqSignal.DEFAULT_THRESHOLD, Optional.empty()));
        return switch (outcome) {
            case HashOutcome.Hashed h -> new ImageMatchResponse(digests.sha256(), h.pdq().hash().toHex(), h.pdq().quality(), h.width(), h.height(),
                    null, views(result), hits(result), result.lowQuality());
            case HashOutcome.Failed f -> new ImageMatchResponse(digests.sha256(), null, null, null, null, f.reason(),
                    views(result), hits(result), false);
        };
    }

    private static List<MatchView> views(QueryResult result) {
        return result.matches().stream().map(m -> MatchView.of(m, result)).toList();
    }

    private static List<HitView> hits(QueryResult result) {
        return result.hits().stream().map(HitView::of).toList();
    }
}
