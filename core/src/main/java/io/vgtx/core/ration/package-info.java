/**
 * Rationing of hit/no-hit answers: how many answers that depend on an entry an organisation that may not see it gets
 * per UTC day, and when its queries look like a probe. Knows nothing of matching: {@code io.vgtx.core.sharing} asks.
 */
package io.vgtx.core.ration;
