package dev.herald.grammar;

import java.util.List;

/**
 * A broken rule: the problem, and where and what, as listed on each {@link Problem}.
 *
 * @param problem what is wrong
 * @param details where and what
 */
public record Violation(Problem problem, List<Object> details) {

    /**
     * Creates a violation.
     *
     * @param problem what is wrong
     * @param details where and what, as listed on the problem
     */
    public Violation {
        details = List.copyOf(details);
    }

    static Violation of(Problem problem, Object... details) {
        return new Violation(problem, List.of(details));
    }

    /** @return the problem in words, for example {@code holds the glob character '*'} */
    public String describe() {
        return problem.describe(details);
    }
}
