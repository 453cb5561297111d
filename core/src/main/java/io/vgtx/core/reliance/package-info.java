/**
 * Reliance: who acted on an entry besides its owner — the reports whose assessment kept it as a match and the
 * organisations a match showed it to (recorded off the match path by a {@link io.vgtx.core.reliance.MatchLedger}) —
 * and the alerts they get when it is retracted or disputed past a threshold. Cases that link its hash are told by
 * {@link io.vgtx.core.casework}. An alert never names an entry to an organisation that may not see it.
 */
package io.vgtx.core.reliance;
