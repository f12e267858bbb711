package dev.herald.processor.generate;

import static com.google.common.truth.Truth.assertThat;

import org.junit.jupiter.api.Test;

/** The layout pass over JavaPoet's output; the goldens show it on whole files. */
final class GeneratedSourcesTest {

    @Test
    void aJavadocOfOneLineTakesOneLine() {
        assertThat(GeneratedSources.layout("""
                class A {
                    /**
                     * Channel {@code a}.
                     */
                    void a() {
                    }
                }
                """)).isEqualTo("""
                class A {
                    /** Channel {@code a}. */
                    void a() {
                    }
                }
                """);
    }

    @Test
    void aJavadocThatWouldNotFitStaysOnThreeLines() {
        String text = "x".repeat(GeneratedSources.MAX_LINE - 10);
        String source = "class A {\n    /**\n     * " + text + "\n     */\n    void a() {\n    }\n}\n";
        assertThat(GeneratedSources.layout(source)).isEqualTo(source);
    }

    @Test
    void aLongJavadocLineIsWrappedAtSpacesAndABlockTagsContinuationIsIndented() {
        String words = "word ".repeat(30).strip();
        String laidOut = GeneratedSources.layout("class A {\n    /**\n     * " + words + "\n     * @param a "
                + words + "\n     */\n    void a(int a) {\n    }\n}\n");
        assertThat(laidOut.lines().filter(line -> line.length() > GeneratedSources.MAX_LINE).count()).isEqualTo(0);
        assertThat(laidOut).contains("\n     * word word");
        assertThat(laidOut).contains("\n     *     word word");
        assertThat(laidOut.replaceAll("\\s*\\n\\s*\\*\\s*", " ")).contains(words + " @param a " + words);
    }

    @Test
    void fieldsFollowEachOtherWithoutABlankLineAndOtherMembersKeepIt() {
        assertThat(GeneratedSources.layout("""
                class A {
                    private final B b;

                    private final C<D> c;

                    /**
                     * Channel {@code e}.
                     */
                    public static final E E = e(
                            "e", E.class);

                    /**
                     * Creates one.
                     */
                    A() {
                    }

                    void f() {
                    }
                }
                """)).isEqualTo("""
                class A {
                    private final B b;
                    private final C<D> c;
                    /** Channel {@code e}. */
                    public static final E E = e(
                            "e", E.class);

                    /** Creates one. */
                    A() {
                    }

                    void f() {
                    }
                }
                """);
    }
}
