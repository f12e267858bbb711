/**
 * Herald's payload codec on Jackson 3: {@link dev.herald.jackson3.Jackson3CodecFactory}, a
 * {@link dev.herald.CodecFactory} for applications whose JSON mapper is a Jackson 3 {@code tools.jackson.databind.json.JsonMapper}
 * (Spring Boot 4's default). It writes and reads what Herald's default Jackson 2 codec does.
 */
package dev.herald.jackson3;
