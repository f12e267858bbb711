package dev.herald.jackson3;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A builder that starts from everything the application's mapper was built with (modules, naming strategy,
 * features, coercions, handlers) but on another stream factory: {@link JsonMapper#rebuild()} keeps the factory and
 * the builder has no setter for it, and the read limits live in the factory.
 */
final class MapperCopy extends JsonMapper.Builder {

    /**
     * @param mapper the application's mapper, left as it is
     * @param factory the factory of Herald's copy
     */
    MapperCopy(JsonMapper mapper, JsonFactory factory) {
        super(new StateImpl(mapper.rebuild()));
        _streamFactory = factory;
    }
}
