/**
 * Herald's benchmarks: JMH ({@code jmh}), end to end over Redis against raw Lettuce, Redisson and Spring
 * Data Redis ({@code e2e}), the processor's compile cost ({@code compile}) and the report that turns
 * their results into {@code RESULTS.md} and a chart ({@code report}). {@link dev.herald.bench.Main}
 * dispatches between them.
 */
package dev.herald.bench;
