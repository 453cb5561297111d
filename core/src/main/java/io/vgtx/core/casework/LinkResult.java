package io.vgtx.core.casework;

/**
 * What linking hashes or series to a case did.
 *
 * @param added         newly linked
 * @param alreadyLinked linked before: nothing changed for them
 * @param alerted       other organisations sent a deconfliction alert by this link (besides the case's owner, who is
 *                      told in its own notifications)
 */
public record LinkResult(int added, int alreadyLinked, int alerted) {
}
