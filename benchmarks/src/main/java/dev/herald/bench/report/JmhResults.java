package dev.herald.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.herald.bench.results.Summary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH result file ({@code -rf json}), reduced to one {@link Summary} per benchmark: the median and
 * range of the forks' mean scores, or of the iterations when there was a single fork.
 */
final class JmhResults {

    /**
     * One benchmark's score.
     *
     * @param summary median and range over forks
     * @param unit JMH's unit, such as {@code ns/op} or {@code ops/s}
     * @param forks how many forks ran
     * @param iterations measurement iterations per fork
     */
    record Score(Summary summary, String unit, int forks, int iterations) {
    }

    private final Map<String, Score> scores;

    private JmhResults(Map<String, Score> scores) {
        this.scores = scores;
    }

    static JmhResults read(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        Map<String, Score> scores = new LinkedHashMap<>();
        for (JsonNode benchmark : root) {
            String name = benchmark.get("benchmark").asText();
            JsonNode metric = benchmark.get("primaryMetric");
            JsonNode raw = metric.get("rawData");
            List<Double> forkMeans = new ArrayList<>();
            List<Double> iterations = new ArrayList<>();
            int perFork = 0;
            for (JsonNode fork : raw) {
                double sum = 0;
                perFork = fork.size();
                for (JsonNode iteration : fork) {
                    sum += iteration.asDouble();
                    iterations.add(iteration.asDouble());
                }
                forkMeans.add(sum / fork.size());
            }
            Summary summary = Summary.of(forkMeans.size() > 1 ? forkMeans : iterations);
            scores.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                    new Score(summary, metric.get("scoreUnit").asText(), raw.size(), perFork));
        }
        return new JmhResults(scores);
    }

    /**
     * @param name {@code Class.method}, such as {@code CodecBenchmark.heraldEncode}
     * @return its score, or {@code null} when it did not run
     */
    Score get(String name) {
        return scores.get(name);
    }
}
