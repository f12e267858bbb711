/**
 * Herald's meters and observations in Micrometer: the one package of the runtime that names Micrometer's classes,
 * loaded only when the application gave {@link dev.herald.HeraldBuilder#meterRegistry} or
 * {@link dev.herald.HeraldBuilder#observationRegistry}, so that Micrometer stays an optional dependency. Not API.
 */
package dev.herald.internal.metrics;
