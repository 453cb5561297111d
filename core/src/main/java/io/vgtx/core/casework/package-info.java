/**
 * Casework: law-enforcement cases linking hashes and series, series marked victim-identified, deconfliction alerts
 * between agencies whose cases (or a match or report) touch the same hash or series, and alerts to the cases that
 * linked an entry when it is retracted or disputed. Every rule of {@link io.vgtx.core.sharing} holds here too: an alert
 * never tells an organisation an entry, or a series' name, that it may not see.
 */
package io.vgtx.core.casework;
