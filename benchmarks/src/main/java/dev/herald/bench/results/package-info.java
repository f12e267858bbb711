/** The result files the harnesses write and the report reads, and their summary statistics. */
package dev.herald.bench.results;
