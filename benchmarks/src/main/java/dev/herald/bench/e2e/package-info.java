/**
 * The end-to-end harness over a real {@code redis-server}: Herald against raw Lettuce, Redisson and
 * Spring Data Redis, same payload, same measurements, one run.
 */
package dev.herald.bench.e2e;
