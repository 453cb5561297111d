package io.vgtx.cli.serve;

import io.vgtx.cli.node.NodeOptions;
import io.vgtx.core.org.Organisations;
import io.vgtx.core.casework.CaseAlerts;
import io.vgtx.core.ration.HiddenQuota;
import io.vgtx.core.net.AddressRange;
import io.vgtx.core.report.ReportSettings;
import io.vgtx.core.store.Database;
import io.vgtx.core.webhook.WebhookSettings;
import io.vgtx.core.webhook.WebhookWorker;
import io.vgtx.server.NodeApi;
import io.vgtx.server.NodeServer;
import io.vgtx.server.node.NodeServices;
import io.vgtx.server.ServerConfig;
import io.vgtx.server.observe.ServerLogging;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.time.InstantSource;
import java.util.concurrent.Callable;

/** {@code vgtx serve}: this node's HTTP API, until SIGTERM or Ctrl-C stops it gracefully. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run this node's HTTP API (/api/v1, /health, /metrics, /openapi.json) until stopped.",
                "SIGTERM or Ctrl-C stops it gracefully: no new connections, requests in flight finish, the database closes.",
                "Logs are JSON lines on stderr."})
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    NodeOptions node;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface).")
    String host;

    @Option(names = "--max-request-mb", paramLabel = "MIB", defaultValue = "32",
            description = "Largest request body in MiB, e.g. an image sent to /api/v1/match/image (default: ${DEFAULT-VALUE}).")
    int maxRequestMib;

    @Option(names = "--max-upload-mb", paramLabel = "MIB", defaultValue = "" + ServerConfig.DEFAULT_MAX_UPLOAD_BYTES / (1024 * 1024),
            description = "Largest file sent to /api/v1/banks/{id}/import in MiB; it is streamed to a temporary file, not held in memory "
                    + "(default: ${DEFAULT-VALUE}).")
    int maxUploadMib;

    @Option(names = "--report-fallback", paramLabel = "NAME",
            description = "Organisation (by name, e.g. INTERPOL) that receives an illegal report when no ACTIVE law-enforcement "
                    + "organisation holds the hosting country's jurisdiction. Without it such a report stays ASSESSED, noting why.")
    String reportFallback;

    @Option(names = "--webhook-attempts", paramLabel = "N", defaultValue = "" + WebhookSettings.DEFAULT_MAX_ATTEMPTS,
            description = "Attempts per webhook delivery before it goes to the dead-letter list; waits double from 10 s up to 1 h "
                    + "(default: ${DEFAULT-VALUE}).")
    int webhookAttempts;

    @Option(names = "--webhook-allow", paramLabel = "CIDR",
            description = "Also send webhooks to this address range (repeatable), e.g. 127.0.0.0/8 for a receiver on this machine or "
                    + "10.20.0.0/16 for one inside your network; plain http:// is accepted to these ranges only. By default webhooks "
                    + "go to public addresses only, over https://: never loopback, private, link-local, CGNAT, multicast or cloud-metadata addresses.")
    List<String> webhookAllow = new ArrayList<>();

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "A TLS proxy in front of the node (repeatable), e.g. 127.0.0.1 or 10.0.0.0/24: a request from this range gives "
                    + "the client's address in X-Forwarded-For and its scheme in X-Forwarded-Proto. From anywhere else both are ignored.")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--dispute-threshold", paramLabel = "N", defaultValue = "" + CaseAlerts.DEFAULT_DISPUTE_THRESHOLD,
            description = "Organisations that must dispute an entry before the cases, reports and matchers that relied on it are "
                    + "told (default: ${DEFAULT-VALUE}).")
    int disputeThreshold;

    @Option(names = "--hidden-answers-per-day", paramLabel = "N", defaultValue = "" + HiddenQuota.DEFAULT_ANSWERS_PER_DAY,
            description = "Hit/no-hit answers an organisation gets per UTC day for one entry it may not see: every distinct query "
                    + "hash within 48 bits of the entry counts, hit or not; past them the entry is silent for it until the next "
                    + "day (1..64, default: ${DEFAULT-VALUE}).")
    int hiddenAnswersPerDay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerLogging.useJsonLogs();
        NodeServer server = start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "vgtx-serve-shutdown"));
        server.awaitStopped();
        return 0;
    }

    /** Opens the database and starts serving; prints where. The caller closes the server. */
    public NodeServer start() {
        if (webhookAttempts < 1 || webhookAttempts > 100)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--webhook-attempts must be 1..100");
        if (disputeThreshold < 1 || disputeThreshold > 100)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--dispute-threshold must be 1..100");
        if (hiddenAnswersPerDay < 1 || hiddenAnswersPerDay > 64)
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--hidden-answers-per-day must be 1..64");
        List<AddressRange> allowedWebhookRanges = ranges("--webhook-allow", webhookAllow);
        List<AddressRange> proxies = ranges("--trusted-proxy", trustedProxies);
        Database database = node.open();
        ReportSettings reportSettings = ReportSettings.fallback(reportFallback);
        NodeServices services = NodeServices.open(database, InstantSource.system(), node.matchIndexSnapshotOfDataDirectory(), reportSettings,
                        disputeThreshold, hiddenAnswersPerDay)
                .withWebhookSettings(WebhookSettings.defaults().withMaxAttempts(webhookAttempts)
                        .allowing(allowedWebhookRanges.toArray(AddressRange[]::new)));
        reportSettings.fallbackOrganisation().filter(name -> new Organisations(database, InstantSource.system()).findByName(name).isEmpty())
                .ifPresent(name -> spec.commandLine().getErr().println("vgtx: note: --report-fallback '" + name
                        + "' is not an organisation of this node yet; reports needing it stay ASSESSED until it is ACTIVE"));
        // Stopped with the server, before the database closes; deliveries pending from before a restart go out in its first round.
        WebhookWorker webhooks = new WebhookWorker(services.webhookDelivery());
        NodeServer server = NodeServer.builder(database)
                .config(ServerConfig.defaults().withHost(host).withPort(port).withMaxRequestBytes(maxRequestMib * 1024L * 1024L)
                        .withMaxUploadBytes(maxUploadMib * 1024L * 1024L).withTrustedProxies(proxies))
                .authenticator(services.authenticator())
                .sessions(services.sessionAuthenticator())
                .staticSite("/console")
                .routes(NodeApi.routes(services))
                .background(webhooks)
                // Who matched which entry, written every second; the last second's records are written when the server stops.
                .background(services.reliance())
                // What each organisation looked up per day, likewise.
                .background(services.matchDays())
                // The ration's counts and the owners' hit and probe notifications, likewise.
                .background(services.matching().hiddenAnswers())
                .start();
        NodeApi.registerMetrics(server.metrics(), services);
        webhooks.start();
        services.reliance().start();
        services.matchDays().start();
        services.matching().hiddenAnswers().start();
        PrintWriter out = spec.commandLine().getOut();
        out.println("VGT Exchange node listening on " + server.uri());
        out.flush();
        return server;
    }

    private List<AddressRange> ranges(String option, List<String> values) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String value : values) {
            try {
                ranges.add(AddressRange.parse(value));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
            }
        }
        return ranges;
    }
}
