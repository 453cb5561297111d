package io.vgtx.core.reliance;

import org.jdbi.v3.core.Handle;

import java.time.InstantSource;

/** The reliance alerts sent, by organisation and topic, so that none is sent twice. */
final class AlertsSent {
    private AlertsSent() {}

    /** Records the topic as told to the organisation; false when it was told before. Inside a {@code Database.write}. */
    static boolean firstTime(Handle handle, String organisation, String topic, InstantSource clock) {
        boolean sent = handle.createQuery("SELECT 1 FROM reliance_alerts_sent WHERE organisation = :org AND topic = :topic")
                .bind("org", organisation).bind("topic", topic).mapTo(Integer.class).findOne().isPresent();
        if (sent) return false;
        handle.createUpdate("INSERT INTO reliance_alerts_sent (organisation, topic, sent_at) VALUES (:org, :topic, :at)")
                .bind("org", organisation).bind("topic", topic).bind("at", clock.millis()).execute();
        return true;
    }
}
