package io.vgtx.server.api.bank;

import io.vgtx.core.auth.Principal;
import io.vgtx.core.bank.Bank;
import io.vgtx.core.bank.Distribution;
import io.vgtx.core.bank.EntryData;
import io.vgtx.core.bank.EntryRules;
import io.vgtx.core.bank.Verdict;
import io.vgtx.core.sharing.EntryDetail;
import io.vgtx.core.sharing.EntryPage;
import io.vgtx.core.sharing.SharedBanks;
import io.vgtx.core.signal.SignalType;
import io.vgtx.core.signal.SignalTypes;
import io.vgtx.core.store.ImportResult;
import io.vgtx.formats.EntryWriter;
import io.vgtx.formats.Format;
import io.vgtx.formats.WriteOptions;
import io.vgtx.formats.catalog.Formats;
import io.vgtx.server.api.bank.Views.BankCreated;
import io.vgtx.server.api.bank.Views.BankItem;
import io.vgtx.server.api.bank.Views.BankList;
import io.vgtx.server.api.bank.Views.EntriesAdded;
import io.vgtx.server.api.bank.Views.EntryDetailView;
import io.vgtx.server.api.bank.Views.EntryItem;
import io.vgtx.server.api.bank.Views.EntryPageView;
import io.vgtx.server.api.bank.Views.NewBank;
import io.vgtx.server.api.bank.Views.NewEntries;
import io.vgtx.server.api.bank.Views.NewEntry;
import io.vgtx.server.api.bank.Views.OpinionBody;
import io.vgtx.server.api.bank.Views.OpinionView;
import io.vgtx.server.http.ApiCall;
import io.vgtx.server.http.ApiResponse;
import io.vgtx.server.http.ApiRoute;
import io.vgtx.server.http.ApiRoutes;
import io.vgtx.server.http.Params;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.problem.ApiProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Banks and their entries: create, list, add, page, confirm, dispute, retract, export. */
public final class BankRoutes implements ApiRoutes {
    private final SharedBanks banks;
    private final NodeServices services;

    public BankRoutes(NodeServices services) {
        this.services = services;
        this.banks = services.banks();
    }

    @Override
    public List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/banks").summary("Create a bank owned by your organisation").tag("banks")
                        .description("ANALYST or ADMIN. `distribution` is the default for its entries; `recipients` (organisation ids) "
                                + "are who besides you may see its RED entries.")
                        .accepts(NewBank.class).returns(201, BankCreated.class)
                        .handle(this::create),
                ApiRoute.get("/api/v1/banks").summary("List the banks you own or may see entries of").tag("banks")
                        .returns(BankList.class)
                        .handle(call -> new BankList(banks.visible(principal(call)).stream().map(BankItem::of).toList())),
                ApiRoute.post("/api/v1/banks/{id}/entries").summary("Add or update entries of your own bank, all or nothing").tag("banks")
                        .description("Up to " + SharedBanks.MAX_ENTRIES_PER_REQUEST + " entries. One invalid entry refuses the whole request, "
                                + "naming it; nothing is written.")
                        .accepts(NewEntries.class).returns(EntriesAdded.class)
                        .handle(this::addEntries),
                ApiRoute.get("/api/v1/banks/{id}/entries").summary("Page through the entries of a bank you may see").tag("banks")
                        .query("after", "Entry id to continue after (the previous page's `next`).")
                        .query("limit", "Entries per page, 1.." + SharedBanks.MAX_PAGE + " (default 100).")
                        .returns(EntryPageView.class)
                        .handle(this::entries),
                ApiRoute.get("/api/v1/banks/{id}/export").summary("Export the entries of a bank you may see").tag("banks")
                        .requiredQuery("format", "csv, pdq, jsonl, vics, icse or stix.")
                        .returnsText("application/octet-stream", "The visible entries in the requested format.")
                        .handle(this::export),
                ApiRoute.get("/api/v1/entries/{id}").summary("One entry you may see, with confirmations and disputes").tag("banks")
                        .returns(EntryDetailView.class)
                        .handle(call -> detail(banks.entry(principal(call), Params.id(call, "id")))),
                ApiRoute.post("/api/v1/entries/{id}/confirm").summary("Confirm another organisation's entry").tag("banks")
                        .accepts(OpinionBody.class).returns(OpinionView.class)
                        .handle(call -> opinion(call, Verdict.CONFIRM)),
                ApiRoute.post("/api/v1/entries/{id}/dispute").summary("Dispute another organisation's entry").tag("banks")
                        .accepts(OpinionBody.class).returns(OpinionView.class)
                        .handle(call -> opinion(call, Verdict.DISPUTE)),
                ApiRoute.post("/api/v1/entries/{id}/retract").summary("Retract an entry of your own bank").tag("banks")
                        .description("It stops matching at once, and the retraction reaches every feed reader who could see it.")
                        .returns(EntryItem.class)
                        .handle(call -> EntryItem.of(banks.retract(principal(call), Params.id(call, "id")))));
    }

    private ApiResponse create(ApiCall call) throws IOException {
        NewBank body = call.body(NewBank.class);
        if (body.name() == null || body.name().isBlank()) throw ApiProblem.validation("Field 'name' is required.");
        Distribution distribution = body.distribution() == null ? Distribution.AMBER : body.distribution();
        Bank bank = banks.create(principal(call), body.name(), distribution, Optional.ofNullable(body.category()),
                body.recipients() == null ? List.of() : body.recipients());
        return ApiResponse.json(201, new BankCreated(bank.id()));
    }

    private EntriesAdded addEntries(ApiCall call) throws IOException {
        NewEntries body = call.body(NewEntries.class);
        if (body.entries() == null) throw ApiProblem.validation("Field 'entries' is required.");
        if (body.entries().size() > SharedBanks.MAX_ENTRIES_PER_REQUEST)
            throw ApiProblem.validation("At most " + SharedBanks.MAX_ENTRIES_PER_REQUEST + " entries per request, not " + body.entries().size() + ".");
        List<EntryData> entries = new ArrayList<>(body.entries().size());
        Instant now = services.clock().instant();
        for (int i = 0; i < body.entries().size(); i++) entries.add(entry(body.entries().get(i), "entries[" + i + "]", now));
        ImportResult result = banks.addEntries(principal(call), Params.id(call, "id"), entries);
        // The writer waits until its entries match (others' lookups do not wait for a catch-up under way).
        services.matching().refreshIndex();
        return new EntriesAdded(result.added(), result.updated(), result.unchanged());
    }

    /** Every field checked here, so that a bad entry is named before anything is written. */
    static EntryData entry(NewEntry item, String where, Instant now) {
        if (item == null) throw ApiProblem.validation(where + " is null.");
        if (item.type() == null) throw ApiProblem.validation(where + ".type is required.");
        if (item.value() == null) throw ApiProblem.validation(where + ".value is required.");
        try {
            SignalType type = SignalTypes.byName(item.type().strip().toUpperCase(Locale.ROOT));
            EntryData data = EntryData.of(type, item.value());
            if (item.quality() != null) data = data.withQuality(item.quality());
            if (item.category() != null) data = data.withCategory(item.category());
            if (item.distribution() != null) data = data.withDistribution(item.distribution());
            if (item.label() != null) data = data.withLabel(item.label());
            if (item.series() != null) data = data.withSeries(item.series());
            if (item.victimIdentified() != null) data = data.withVictimIdentified(item.victimIdentified());
            if (item.firstSeen() != null) data = data.withFirstSeen(item.firstSeen());
            return EntryRules.check(data, now);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(where + ": " + e.getMessage());
        }
    }

    private EntryPageView entries(ApiCall call) {
        EntryPage page = banks.entries(principal(call), Params.id(call, "id"), Params.query(call, "after", 0, 0),
                Params.limit(call, 100, SharedBanks.MAX_PAGE));
        return new EntryPageView(page.entries().stream().map(EntryItem::of).toList(),
                page.next().isPresent() ? page.next().getAsLong() : null);
    }

    /** Streamed in constant memory, after every check that can refuse the request. */
    private ApiResponse export(ApiCall call) {
        Format format = format(call.queryParam("format").orElseThrow(() -> ApiProblem.validation("Query parameter 'format' is required.")));
        Principal principal = principal(call);
        long bankId = Params.id(call, "id");
        banks.exportable(principal, bankId);
        WriteOptions options = new WriteOptions(principal.organisationName(), services.clock().instant());
        return ApiResponse.streaming(contentType(format), out -> {
            try (EntryWriter writer = Formats.writer(format, out, options)) {
                banks.export(principal, bankId, format.name().toLowerCase(Locale.ROOT), entry -> {
                    try {
                        writer.write(entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        });
    }

    /** A {@code format} query parameter; a 400 naming the formats when it is none of them. */
    static Format format(String text) {
        try {
            return Format.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation(e.getMessage());
        }
    }

    private static String contentType(Format format) {
        return switch (format) {
            case CSV, ICSE -> "text/csv; charset=utf-8";
            case PDQ -> "text/plain; charset=utf-8";
            case JSONL -> "application/jsonl";
            case VICS, STIX -> "application/json";
        };
    }

    private OpinionView opinion(ApiCall call, Verdict verdict) throws IOException {
        OpinionBody body = call.body(OpinionBody.class);
        return OpinionView.of(banks.giveOpinion(principal(call), Params.id(call, "id"), verdict, Optional.ofNullable(body.reason())));
    }

    private static EntryDetailView detail(EntryDetail detail) {
        return new EntryDetailView(EntryItem.of(detail.entry()), detail.opinions().stream().map(OpinionView::of).toList());
    }

    static Principal principal(ApiCall call) {
        return call.principal(Principal.class);
    }
}
