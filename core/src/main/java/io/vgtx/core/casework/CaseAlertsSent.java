package io.vgtx.core.casework;

import org.jdbi.v3.core.Handle;

import java.time.InstantSource;

/** The alerts casework has sent, by organisation and topic, so that none is sent twice. */
final class CaseAlertsSent {
    private CaseAlertsSent() {}

    /** Records the topic as told to the organisation; false when it was told before. Inside a {@code Database.write}. */
    static boolean firstTime(Handle handle, String organisation, String topic, InstantSource clock) {
        boolean sent = handle.createQuery("SELECT 1 FROM casework_alerts_sent WHERE organisation = :org AND topic = :topic")
                .bind("org", organisation).bind("topic", topic).mapTo(Integer.class).findOne().isPresent();
        if (sent) return false;
        handle.createUpdate("INSERT INTO casework_alerts_sent (organisation, topic, sent_at) VALUES (:org, :topic, :at)")
                .bind("org", organisation).bind("topic", topic).bind("at", clock.millis()).execute();
        return true;
    }
}
