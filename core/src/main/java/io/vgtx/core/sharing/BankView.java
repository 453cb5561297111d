package io.vgtx.core.sharing;

import io.vgtx.core.bank.Bank;

/**
 * A bank as one organisation sees it.
 *
 * @param visibleEntries its active entries that organisation may see
 * @param owned          whether that organisation owns it
 */
public record BankView(Bank bank, long visibleEntries, boolean owned) {
}
