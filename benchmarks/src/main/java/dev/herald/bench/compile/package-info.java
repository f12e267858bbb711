/** What the Herald annotation processor adds to javac's time, on a generated fixture. */
package dev.herald.bench.compile;
