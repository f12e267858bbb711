/**
 * The in-memory transport: Herald's semantics without Redis, for tests and for running locally
 * ({@link dev.herald.internal.memory.InMemoryTransport}).
 */
package dev.herald.internal.memory;
