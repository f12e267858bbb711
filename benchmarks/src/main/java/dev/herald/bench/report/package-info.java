/** Turns the harnesses' result files into {@code RESULTS.md} and the chart. */
package dev.herald.bench.report;
