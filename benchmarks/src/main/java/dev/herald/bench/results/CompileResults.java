package dev.herald.bench.results;

import java.util.List;

/**
 * What the compile-cost harness measured, written as JSON for the report.
 *
 * @param interfaces channel interfaces compiled
 * @param channelsPerInterface {@code @Channel} methods per interface
 * @param sourceFiles hand-written source files (interfaces and payload records)
 * @param generatedFiles files the processor generated
 * @param processorJar the processor jar used
 * @param withoutProcessorMillis javac wall time without the processor, one entry per repetition
 * @param withProcessorMillis javac wall time with the processor, one entry per repetition
 * @param generatedSourcesMillis javac wall time without the processor, the generated sources added to the
 *     hand-written ones: the cost of compiling the generated code alone; one entry per repetition
 * @param replayMillis javac wall time with a processor that only writes the sources Herald's processor
 *     generated: what the extra round and the {@code Filer} cost javac, with no processor logic; one entry
 *     per repetition, or {@code null} in results written before it was measured
 * @param sourceLines lines in the hand-written sources
 * @param generatedLines lines in the generated sources
 */
public record CompileResults(int interfaces, int channelsPerInterface, int sourceFiles, int generatedFiles,
        String processorJar, List<Double> withoutProcessorMillis, List<Double> withProcessorMillis,
        List<Double> generatedSourcesMillis, List<Double> replayMillis, long sourceLines, long generatedLines) {
}
