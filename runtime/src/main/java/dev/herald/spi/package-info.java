/**
 * The transport SPI: what moves bytes between channels under Herald ({@link dev.herald.spi.Transport}),
 * how it reports back ({@link dev.herald.spi.TransportListener}) and where it keeps dead letters. Plug one
 * in with {@code Herald.builder().transport(...)}. It depends on the JDK only, so the API can name it.
 * Application code does not call these.
 */
package dev.herald.spi;
