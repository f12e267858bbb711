package dev.herald.jackson3;

/** An application's mapper, configured alike on Jackson 2 and on Jackson 3. */
final class AppMappers {

    private AppMappers() {
    }

    /** Jackson 2's. */
    static final class Jackson2 {
        private Jackson2() {
        }

        static com.fasterxml.jackson.databind.json.JsonMapper integersFromStrings() {
            com.fasterxml.jackson.databind.json.JsonMapper mapper = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();
            mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Integer)
                    .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
                            com.fasterxml.jackson.databind.cfg.CoercionAction.TryConvert);
            return mapper;
        }

        static com.fasterxml.jackson.databind.json.JsonMapper numbersAsStrings() {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS).build();
        }

        static com.fasterxml.jackson.databind.json.JsonMapper injecting() {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .injectableValues(new com.fasterxml.jackson.databind.InjectableValues.Std().addValue("source", "mapper")).build();
        }

        static com.fasterxml.jackson.databind.json.JsonMapper problemHandler() {
            return com.fasterxml.jackson.databind.json.JsonMapper.builder()
                    .addHandler(new com.fasterxml.jackson.databind.deser.DeserializationProblemHandler() {
                        @Override
                        public Object handleWeirdStringValue(com.fasterxml.jackson.databind.DeserializationContext context,
                                Class<?> targetType, String value, String failureMsg) {
                            return failureMsg.equals("not an exact long") ? -1L : NOT_HANDLED;
                        }
                    }).build();
        }
    }

    /** Jackson 3's. */
    static final class Jackson3 {
        private Jackson3() {
        }

        static tools.jackson.databind.json.JsonMapper integersFromStrings() {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .withCoercionConfig(tools.jackson.databind.type.LogicalType.Integer,
                            config -> config.setCoercion(tools.jackson.databind.cfg.CoercionInputShape.String,
                                    tools.jackson.databind.cfg.CoercionAction.TryConvert))
                    .build();
        }

        static tools.jackson.databind.json.JsonMapper numbersAsStrings() {
            return tools.jackson.databind.json.JsonMapper.builderWithJackson2Defaults()
                    .enable(tools.jackson.core.json.JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS).build();
        }

        static tools.jackson.databind.json.JsonMapper injecting() {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .injectableValues(new tools.jackson.databind.InjectableValues.Std().addValue("source", "mapper")).build();
        }

        static tools.jackson.databind.json.JsonMapper problemHandler() {
            return tools.jackson.databind.json.JsonMapper.builder()
                    .addHandler(new tools.jackson.databind.deser.DeserializationProblemHandler() {
                        @Override
                        public Object handleWeirdStringValue(tools.jackson.databind.DeserializationContext context,
                                Class<?> targetType, String value, String failureMsg) {
                            return failureMsg.equals("not an exact long") ? -1L : NOT_HANDLED;
                        }
                    }).build();
        }
    }
}
