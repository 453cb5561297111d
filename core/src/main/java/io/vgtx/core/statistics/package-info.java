/**
 * Statistics an organisation reads about its own activity, in counts only: what it looked up per day
 * ({@link io.vgtx.core.statistics.MatchDays}, added up off the match path). Counts of the entries it may see are
 * {@link io.vgtx.core.sharing.SharedBanks#entryCounts}, next to the rules they depend on.
 */
package io.vgtx.core.statistics;
