package dev.herald.bench.report;

import java.util.Locale;

/**
 * One target of an issue (6, 11, 12, 13, 15 or 18): a ratio, a rate, a percentage or a count measured in this run
 * against the goal the issue sets.
 *
 * @param name what is compared, for the table
 * @param measured the measured value; {@code NaN} when its inputs did not run
 * @param unit how {@code measured} and {@code goal} are shown: {@code "x"} for a ratio, {@code "%"} for an overhead
 *     (measured − goal is in percentage points), {@code "lines"} (one decimal), or any other unit such as
 *     {@code "msg/s"} (no decimals)
 * @param higherIsBetter whether the goal is a floor ({@code >=}) rather than a ceiling ({@code <=})
 * @param goal the goal
 * @param why the known causes when the target is missed; shown only then
 */
record Target(String name, double measured, String unit, boolean higherIsBetter, double goal, String why) {

    boolean measuredInThisRun() {
        return !Double.isNaN(measured);
    }

    boolean passed() {
        return measuredInThisRun() && (higherIsBetter ? measured >= goal : measured <= goal);
    }

    /**
     * @return how far the measured value is from the goal: above 1 passes, below 1 misses. An overhead in
     *     percent compares the factors it stands for ({@code 1 + measured/100} against {@code 1 + goal/100}), so an
     *     overhead of zero or below still gives a positive, finite score
     */
    double score() {
        if (unit.equals("%")) {
            return higherIsBetter ? (100 + measured) / (100 + goal) : (100 + goal) / (100 + measured);
        }
        return higherIsBetter ? measured / goal : goal / measured;
    }

    String goalText() {
        return (higherIsBetter ? "≥ " : "≤ ") + format(goal);
    }

    String measuredText() {
        return measuredInThisRun() ? format(measured) : "n/a";
    }

    /** @return "pass" or "miss" and by how much */
    String verdict() {
        if (!measuredInThisRun()) {
            return "not measured";
        }
        if (higherIsBetter) {
            if (passed()) {
                return String.format(Locale.ROOT, "**pass**, %.0f%% above the goal", (measured / goal - 1) * 100);
            }
            return String.format(Locale.ROOT, "**miss**, %.0f%% short: needs %.2f× what it does now",
                    (1 - measured / goal) * 100, goal / measured);
        }
        if (passed()) {
            return unit.equals("%")
                    ? String.format(Locale.ROOT, "**pass**, %.0f points under the ceiling", goal - measured)
                    : String.format(Locale.ROOT, "**pass**, %.0f%% under the ceiling", (1 - measured / goal) * 100);
        }
        return unit.equals("%")
                ? String.format(Locale.ROOT, "**miss**, %.0f points over the ceiling", measured - goal)
                : String.format(Locale.ROOT, "**miss**, %.0f%% over the ceiling", (measured / goal - 1) * 100);
    }

    private String format(double value) {
        return switch (unit) {
            case "x" -> String.format(Locale.ROOT, "%.2f×", value);
            case "%" -> String.format(Locale.ROOT, "%+.0f%%", value);
            case "lines" -> String.format(Locale.ROOT, "%,.1f lines", value);
            default -> String.format(Locale.ROOT, "%,.0f %s", value, unit);
        };
    }
}
