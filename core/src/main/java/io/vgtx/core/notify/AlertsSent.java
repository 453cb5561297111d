package io.vgtx.core.notify;

import org.jdbi.v3.core.Handle;

import java.time.InstantSource;

/**
 * The alerts one part of the node has sent, by organisation and topic, so that none is sent twice: each part keeps its
 * own table of {@code (organisation, topic, sent_at)} (casework's deconfliction and case alerts, reliance's alerts).
 */
public final class AlertsSent {
    /** Casework's table ({@code casework_alerts_sent}, V7). */
    public static final AlertsSent CASEWORK = new AlertsSent("casework_alerts_sent");
    /** Reliance's table ({@code reliance_alerts_sent}, V11). */
    public static final AlertsSent RELIANCE = new AlertsSent("reliance_alerts_sent");

    private final String table;

    private AlertsSent(String table) {
        this.table = table;
    }

    /** Records the topic as told to the organisation; false when it was told before. Inside a {@code Database.write}. */
    public boolean firstTime(Handle handle, String organisation, String topic, InstantSource clock) {
        boolean sent = handle.createQuery("SELECT 1 FROM " + table + " WHERE organisation = :org AND topic = :topic")
                .bind("org", organisation).bind("topic", topic).mapTo(Integer.class).findOne().isPresent();
        if (sent) return false;
        handle.createUpdate("INSERT INTO " + table + " (organisation, topic, sent_at) VALUES (:org, :topic, :at)")
                .bind("org", organisation).bind("topic", topic).bind("at", clock.millis()).execute();
        return true;
    }
}
