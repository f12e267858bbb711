/**
 * Herald: typed Redis pub/sub for Java, checked at compile time. Start at {@link dev.herald.Herald}.
 */
package dev.herald;
