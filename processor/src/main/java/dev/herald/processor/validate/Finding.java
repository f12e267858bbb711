package dev.herald.processor.validate;

import java.util.List;

/**
 * What a rule found, before it is placed: the catalogue entry and the arguments the rule itself knows. The
 * caller adds the arguments that name the place (for a payload: its type, method and channel).
 *
 * @param message the catalogue entry
 * @param args the rule's own arguments, which follow the caller's
 */
record Finding(Message message, List<Object> args) {

    static Finding of(Message message, Object... args) {
        return new Finding(message, List.of(args));
    }

    /** The full argument list: the caller's first, then the rule's. */
    Object[] arguments(Object... leading) {
        Object[] all = new Object[leading.length + args.size()];
        System.arraycopy(leading, 0, all, 0, leading.length);
        for (int i = 0; i < args.size(); i++) {
            all[leading.length + i] = args.get(i);
        }
        return all;
    }
}
