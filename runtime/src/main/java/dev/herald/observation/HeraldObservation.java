package dev.herald.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Herald's observations and their keys, named after OpenTelemetry's messaging conventions. The low-cardinality
 * keys hold the channel as declared (a template in its {@code {placeholder}} form), never the values that vary per
 * message, so that meters made from them stay bounded however many users or tenants there are.
 */
public enum HeraldObservation implements ObservationDocumentation {

    /**
     * A publish, and a request's publish: from before the payload is encoded until the transport accepted it
     * (Redis answered the PUBLISH) or failed. A producer observation.
     */
    PUBLISH {
        @Override
        public String getName() {
            return "herald.publish";
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultHeraldPublishObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    },

    /**
     * One handler call of a subscription (each retry is one more), or one request a responder answers: from when
     * the decoded message is handed to the handler until it returns or throws. A consumer observation; it is
     * current on the handler's thread while the handler runs.
     */
    PROCESS {
        @Override
        public String getName() {
            return "herald.process";
        }

        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultHeraldProcessObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    };

    /** Keys whose values are few: they become tags of meters. */
    public enum LowCardinalityKeys implements KeyName {

        /** {@code redis} on Redis and Redis Cluster, {@code herald} in memory and on a transport of the application's. */
        MESSAGING_SYSTEM {
            @Override
            public String asString() {
                return "messaging.system";
            }
        },

        /** {@code send} for a publish, {@code process} for a handler call. */
        MESSAGING_OPERATION_TYPE {
            @Override
            public String asString() {
                return "messaging.operation.type";
            }
        },

        /** {@code publish}, {@code request} (a request's publish) or {@code process}. */
        MESSAGING_OPERATION_NAME {
            @Override
            public String asString() {
                return "messaging.operation.name";
            }
        },

        /** The channel as declared, without the channel prefix: a template in its {@code {placeholder}} form. */
        MESSAGING_DESTINATION_NAME {
            @Override
            public String asString() {
                return "messaging.destination.name";
            }
        }
    }

    /** Keys whose values vary per message: they go to spans, never to meters. */
    public enum HighCardinalityKeys implements KeyName {

        /** The concrete channel, as sent (channel prefix and template values included). */
        HERALD_CHANNEL {
            @Override
            public String asString() {
                return "herald.channel";
            }
        },

        /** The correlation id of a request; absent for other messages. */
        MESSAGING_MESSAGE_ID {
            @Override
            public String asString() {
                return "messaging.message.id";
            }
        }
    }
}
