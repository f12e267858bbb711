/**
 * The one grammar of Herald's channel names, used by the annotation processor (which shades it in, so a
 * build needs nothing at run time) and by the runtime.
 *
 * <ul>
 *   <li>A <b>channel name</b> is one or more segments separated by single {@code :}; a segment is made of
 *       letters and digits of the Basic Multilingual Plane and {@code - _ . @ / #}.</li>
 *   <li>A <b>template</b> is a channel name some of whose segments are whole placeholders, {@code {name}},
 *       a name being an ASCII Java-like identifier; no placeholder appears twice.</li>
 *   <li>A <b>pattern</b> is a Redis glob: anything but whitespace, control characters, unpaired surrogates
 *       and U+FFFD. A template's pattern puts {@code *} for each placeholder.</li>
 *   <li>A <b>prefix</b> holds what a name holds; it may end with {@code :} but makes no empty segment.</li>
 *   <li>A <b>template value</b> is data: anything that cannot change the channel's meaning (no {@code :},
 *       glob character, whitespace, control character, unpaired surrogate or U+FFFD).</li>
 * </ul>
 *
 * <p>{@link dev.herald.grammar.ChannelSyntax} and {@link dev.herald.grammar.GlobPatterns} apply the rules;
 * a {@link dev.herald.grammar.Violation} says what broke one. {@link dev.herald.grammar.RuntimeMessage} is
 * the runtime's catalogue of diagnostic texts (the processor has its own).
 */
package dev.herald.grammar;
