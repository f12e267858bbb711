/**
 * The surface generated code calls: the binding the processor generates for each channel interface
 * ({@link dev.herald.binding.HeraldBinding}, listed in {@code META-INF/services}) and its helpers. Besides
 * this package, generated code uses only the public API in {@code dev.herald} and the JDK. Application
 * code does not call these.
 */
package dev.herald.binding;
