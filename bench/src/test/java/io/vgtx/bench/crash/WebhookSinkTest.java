package io.vgtx.bench.crash;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSinkTest {
    @Test
    void everyDeliveryIsRecordedByEventDeliveryAndKindBeforeItIsAnswered(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("deliveries.txt");
        try (WebhookSink sink = WebhookSink.start(0, log); HttpClient http = HttpClient.newHttpClient()) {
            for (String[] delivery : new String[][] {{"17", "4", "MATCH_HIT"}, {"17", "4", "MATCH_HIT"}, {"18", "5", "ENTRY_CONFIRMED"}}) {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sink.port() + "/hook"))
                        .header(WebhookSink.EVENT_ID, delivery[0]).header(WebhookSink.DELIVERY, delivery[1]).header(WebhookSink.EVENT, delivery[2])
                        .POST(HttpRequest.BodyPublishers.ofString("{\"event_id\":" + delivery[0] + "}")).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(answer.statusCode()).isEqualTo(204);
                assertThat(Files.readAllLines(log)).last().isEqualTo(String.join(" ", delivery));
            }
            assertThat(Files.readAllLines(log)).containsExactly("17 4 MATCH_HIT", "17 4 MATCH_HIT", "18 5 ENTRY_CONFIRMED");
        }
    }
}
