/**
 * JMH benchmarks: Herald's codec against a pre-bound Jackson writer and reader, and the in-memory
 * transport's delivered throughput.
 */
package dev.herald.bench.jmh;
