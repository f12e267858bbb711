/**
 * Herald's Micrometer Observations, for {@link dev.herald.HeraldBuilder#observationRegistry}: the
 * {@code herald.publish} (producer) and {@code herald.process} (consumer) observations, their contexts, and the
 * conventions that name them and their keys, which an application can replace. Only an application that gives
 * Herald an observation registry needs Micrometer on its class path, and only it loads these classes.
 *
 * @see HeraldObservation
 */
package dev.herald.observation;
