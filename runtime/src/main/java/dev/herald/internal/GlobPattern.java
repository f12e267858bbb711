package dev.herald.internal;

/**
 * Redis's glob matching ({@code stringmatchlen} in {@code util.c}), for the in-memory transport:
 * {@code *} any run of characters, {@code ?} one character, {@code [abc]}, {@code [^a]} and {@code [a-z]}
 * classes, {@code \} escapes the next character.
 */
public final class GlobPattern {

    private final String pattern;

    public GlobPattern(String pattern) {
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    public boolean matches(String text) {
        return match(0, text, 0);
    }

    private boolean match(int p, String s, int i) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            switch (c) {
                case '*' -> {
                    while (p + 1 < pattern.length() && pattern.charAt(p + 1) == '*') {
                        p++;
                    }
                    if (p + 1 == pattern.length()) {
                        return true;
                    }
                    for (int k = i; k <= s.length(); k++) {
                        if (match(p + 1, s, k)) {
                            return true;
                        }
                    }
                    return false;
                }
                case '?' -> {
                    if (i >= s.length()) {
                        return false;
                    }
                    i++;
                    p++;
                }
                case '[' -> {
                    if (i >= s.length()) {
                        return false;
                    }
                    int q = p + 1;
                    boolean not = q < pattern.length() && pattern.charAt(q) == '^';
                    if (not) {
                        q++;
                    }
                    boolean matched = false;
                    char ch = s.charAt(i);
                    while (q < pattern.length() && pattern.charAt(q) != ']') {
                        if (pattern.charAt(q) == '\\' && q + 1 < pattern.length()) {
                            q++;
                            matched |= pattern.charAt(q) == ch;
                            q++;
                        } else if (q + 2 < pattern.length() && pattern.charAt(q + 1) == '-' && pattern.charAt(q + 2) != ']') {
                            char from = pattern.charAt(q);
                            char to = pattern.charAt(q + 2);
                            if (from > to) {
                                char t = from;
                                from = to;
                                to = t;
                            }
                            matched |= ch >= from && ch <= to;
                            q += 3;
                        } else {
                            matched |= pattern.charAt(q) == ch;
                            q++;
                        }
                    }
                    if (matched == not) {
                        return false;
                    }
                    p = q < pattern.length() ? q + 1 : q;
                    i++;
                }
                case '\\' -> {
                    if (p + 1 < pattern.length()) {
                        p++;
                    }
                    if (i >= s.length() || pattern.charAt(p) != s.charAt(i)) {
                        return false;
                    }
                    i++;
                    p++;
                }
                default -> {
                    if (i >= s.length() || c != s.charAt(i)) {
                        return false;
                    }
                    i++;
                    p++;
                }
            }
        }
        return i == s.length();
    }
}
