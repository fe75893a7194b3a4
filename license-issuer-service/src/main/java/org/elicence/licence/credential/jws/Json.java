package org.elicence.licence.credential.jws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;

/** One configured JSON mapper for JWS headers, claims and JWKS. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-serialisable", e);
        }
    }

    /** Parses a JSON object; anything else (array, garbage) is an IOException for the caller to judge. */
    static Map<String, Object> readObject(byte[] json) throws IOException {
        return MAPPER.readValue(json, OBJECT);
    }
}
