/**
 * Starts a Herald: the {@link dev.herald.HeraldRuntime} that picks a transport and puts the core together.
 * Not API.
 */
package dev.herald.internal.start;
