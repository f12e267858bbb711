/**
 * Durable channels: the consumer loop over the {@link dev.herald.spi.DurableLog} SPI alone, so that it runs the same
 * on every transport that has a log. A {@link dev.herald.internal.durable.DurableChannels} appends and subscribes;
 * each subscription is a consumer made of one class per job: reading, claiming, handling, acknowledging, finding
 * streams, joining groups, leaving.
 */
package dev.herald.internal.durable;
