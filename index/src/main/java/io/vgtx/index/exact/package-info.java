/** Exact-match lookup of cryptographic digests (MD5, SHA-1, SHA-256) to entry ids. JDK only. */
package io.vgtx.index.exact;
