package io.vgtx.core.webhook;

/** Where a delivery stands. */
public enum DeliveryState {
    /** Waiting for its next attempt (the first one included). */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed: on the dead-letter list until an ADMIN asks for it again. */
    DEAD
}
