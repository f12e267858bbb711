package dev.herald.bench.results;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The median and the range of a repeated measurement.
 *
 * @param median the median (for an even count, the mean of the two middle values)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
public record Summary(double median, double min, double max, int count) {

    /**
     * Summarises values.
     *
     * @param values at least one value
     * @return their median, minimum and maximum
     * @throws IllegalArgumentException when {@code values} is empty
     */
    public static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to summarise");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
    }
}
