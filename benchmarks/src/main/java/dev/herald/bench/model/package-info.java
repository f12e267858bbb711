/**
 * The benchmark's payload and channel interfaces, from which the Herald processor generates the
 * publishers, subscribers and bindings the benchmarks use, and the hand-written Jackson baseline.
 */
package dev.herald.bench.model;
