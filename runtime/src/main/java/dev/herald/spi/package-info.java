/**
 * Service-provider interfaces: the transport under Herald and the binding the processor generates.
 * Application code does not call these.
 */
package dev.herald.spi;
