/**
 * What organisations do with each other's banks, with the taskforce's rules applied: every read path
 * (listing, entries, export, feed, match) filters through {@link io.vgtx.core.policy.Visibility}, every
 * write checks role and ownership, and every write and every read of AMBER or RED data is audited. The
 * HTTP layer only translates.
 */
package io.vgtx.core.sharing;
