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
 * The JMH result file ({@code -rf json}), reduced to one {@link Summary} per benchmark (and per parameter set, and per
 * allocation figure when {@code -prof gc} ran): the median and range of the forks' mean scores, or of the iterations
 * when there was a single fork.
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
            String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            JsonNode params = benchmark.get("params");
            if (params != null && params.isObject()) {
                StringBuilder withParams = new StringBuilder(key);
                for (Map.Entry<String, JsonNode> param : params.properties()) {
                    withParams.append(':').append(param.getKey()).append('=').append(param.getValue().asText());
                }
                key = withParams.toString();
            }
            scores.put(key, score(benchmark.get("primaryMetric")));
            JsonNode secondary = benchmark.get("secondaryMetrics");
            if (secondary != null) {
                for (Map.Entry<String, JsonNode> metric : secondary.properties()) {
                    if (metric.getKey().endsWith(ALLOCATION)) {
                        scores.put(key + "/" + ALLOCATION, score(metric.getValue()));
                    }
                }
            }
        }
        return new JmhResults(scores);
    }

    /** The secondary metric of {@code -prof gc} that says how many bytes one operation allocated. */
    static final String ALLOCATION = "gc.alloc.rate.norm";

    private static Score score(JsonNode metric) {
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
        return new Score(summary, metric.get("scoreUnit").asText(), raw.size(), perFork);
    }

    /**
     * @param name {@code Class.method}, such as {@code CodecBenchmark.heraldEncode}; a benchmark with parameters adds
     *     them, {@code :name=value} each ({@code MetricsOverheadBenchmark.oneToOne:measure=off}); with
     *     {@code /gc.alloc.rate.norm} after it, the bytes allocated per operation ({@code -prof gc})
     * @return its score, or {@code null} when it did not run
     */
    Score get(String name) {
        return scores.get(name);
    }
}
