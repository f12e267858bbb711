package dev.herald.processor.validate;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Finds the name a user probably meant: one that differs from the written name only in case, or by at most
 * two edits that are fewer than half the written name's length, so that short names never match by chance.
 */
final class NearMisses {

    private static final int MAX_EDITS = 2;

    private NearMisses() {
    }

    /**
     * The candidate whose name is closest to {@code written}, if any is near enough.
     *
     * @param written the name as written, for example a placeholder
     * @param candidates the candidates in declaration order; the first wins a tie
     * @param nameOf a candidate's name
     * @param <T> the candidate type
     * @return the closest near candidate, or {@code null}
     */
    static <T> T closest(String written, List<T> candidates, Function<T, String> nameOf) {
        T best = null;
        int bestEdits = Integer.MAX_VALUE;
        for (T candidate : candidates) {
            int edits = edits(written, nameOf.apply(candidate));
            if (edits < bestEdits && isNear(written, edits)) {
                best = candidate;
                bestEdits = edits;
            }
        }
        return best;
    }

    private static boolean isNear(String written, int edits) {
        return edits == 0 || edits <= MAX_EDITS && 2 * edits < written.length();
    }

    /** Levenshtein distance ignoring case: a difference in case alone costs nothing. */
    static int edits(String a, String b) {
        String s = a.toLowerCase(Locale.ROOT);
        String t = b.toLowerCase(Locale.ROOT);
        int[] previous = new int[t.length() + 1];
        int[] current = new int[t.length() + 1];
        for (int j = 0; j <= t.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= s.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= t.length(); j++) {
                int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[t.length()];
    }
}
