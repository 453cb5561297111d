/**
 * Hamming range search over 256-bit codes such as PDQ hashes: {@link io.vgtx.index.hamming.AdaptiveHammingIndex}
 * for production (a {@link io.vgtx.index.hamming.MultiIndexHammingIndex} in the shape that suits its size),
 * {@link io.vgtx.index.hamming.BruteForceHammingIndex} as the reference it is tested against.
 * JDK only; a code is four longs, treated as opaque bits.
 */
package io.vgtx.index.hamming;
