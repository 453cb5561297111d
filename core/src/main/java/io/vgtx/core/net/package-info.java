/**
 * IP addresses as the node reasons about them: {@link io.vgtx.core.net.AddressRange} (CIDR blocks, IPv4-mapped
 * IPv6 folded into IPv4) and {@link io.vgtx.core.net.PublicAddresses} (which destinations are on the public
 * internet, and which are the node's own network: loopback, private, link-local, cloud metadata …).
 */
package io.vgtx.core.net;
