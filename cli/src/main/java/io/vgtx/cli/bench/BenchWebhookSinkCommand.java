package io.vgtx.cli.bench;

import io.vgtx.bench.crash.WebhookSink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code vgtx bench webhook-sink}: the crash test's loopback webhook receiver. */
@Command(name = "webhook-sink", mixinStandardHelpOptions = true,
        description = {"A webhook receiver on 127.0.0.1 that answers 204 and appends a line per delivery to --log:",
                "X-VGTX-Event-Id, X-VGTX-Delivery and X-VGTX-Event. Prints its URL, then runs until killed."})
public final class BenchWebhookSinkCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0", description = "TCP port; 0 picks a free one (default).")
    int port;

    @Option(names = "--log", paramLabel = "FILE", required = true, description = "Where the deliveries are recorded (appended).")
    Path log;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WebhookSink sink = WebhookSink.start(port, log);
        System.out.println("webhook sink listening on http://127.0.0.1:" + sink.port() + "/");
        System.out.flush();
        new CountDownLatch(1).await();
        return 0;
    }
}
