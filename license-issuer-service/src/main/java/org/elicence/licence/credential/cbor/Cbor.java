package org.elicence.licence.credential.cbor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes CBOR as a plain Java tree on top of Jackson's CBOR streaming API.
 *
 * <p>Why a tree of plain values instead of Jackson's {@code JsonNode}: mdoc structures depend on CBOR
 * semantic tags (24, 1004, 0) and on integer map keys (COSE headers, digest IDs), which the JSON data
 * model cannot represent. The tree types are:
 * <ul>
 *   <li>map → {@link Map} (written with definite length, in iteration order; keys String or integer)</li>
 *   <li>array → {@link List}; byte string → {@code byte[]}; text → {@link String}</li>
 *   <li>integer → {@link Long} (or {@link BigInteger} when it does not fit); float → {@link Double}</li>
 *   <li>true/false → {@link Boolean}; null → {@code null}; tagged item → {@link CborTagged}</li>
 *   <li>on writing only: {@link LocalDate} → tag 1004 full-date, {@link Instant} → tag 0 tdate (whole seconds)</li>
 * </ul>
 * Decoding limitation: Jackson surfaces integer map keys as their decimal text, so a decoded map has
 * {@code String} keys ("1", "-7", "33"). Duplicate keys are rejected, because two readers that keep
 * different duplicates would see different credentials.
 */
public final class Cbor {

    private static final CBORFactory FACTORY = CBORFactory.builder().build();

    private Cbor() {
    }

    public static byte[] encode(Object value) {
        var out = new ByteArrayOutputStream();
        try (CBORGenerator generator = FACTORY.createGenerator(out)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Encodes {@code value} and wraps the result as tag 24, i.e. "#6.24(bstr .cbor value)". */
    public static CborTagged embed(Object value) {
        return CborTagged.embedded(encode(value));
    }

    /** Decodes exactly one data item; trailing bytes are an error. */
    public static Object decode(byte[] bytes) {
        try (CBORParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new MalformedCborException("empty input");
            }
            Object value = read(parser);
            if (parser.nextToken() != null) {
                throw new MalformedCborException("trailing data after the first CBOR item");
            }
            return value;
        } catch (IOException | IllegalStateException e) {
            throw new MalformedCborException("not well-formed CBOR", e);
        }
    }

    /** Decodes the byte string inside a tag-24 item, checking that it really is tag 24. */
    public static Object decodeEmbedded(Object taggedItem) {
        if (taggedItem instanceof CborTagged tagged
                && tagged.tag() == CborTagged.ENCODED_CBOR
                && tagged.value() instanceof byte[] content) {
            return decode(content);
        }
        throw new MalformedCborException("expected a tag-24 embedded CBOR byte string");
    }

    private static void write(CBORGenerator generator, Object value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof byte[] bytes) {
            generator.writeBinary(bytes);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof CborTagged tagged) {
            generator.writeTag(Math.toIntExact(tagged.tag()));
            write(generator, tagged.value());
        } else if (value instanceof LocalDate date) {
            write(generator, new CborTagged(CborTagged.FULL_DATE, date.toString()));
        } else if (value instanceof Instant instant) {
            write(generator, new CborTagged(CborTagged.DATE_TIME, instant.truncatedTo(ChronoUnit.SECONDS).toString()));
        } else if (value instanceof List<?> list) {
            generator.writeStartArray(list, list.size());
            for (Object element : list) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject(map, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                writeKey(generator, entry.getKey());
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else {
            throw new IllegalArgumentException("no CBOR mapping for " + value.getClass().getName());
        }
    }

    private static void writeKey(CBORGenerator generator, Object key) throws IOException {
        if (key instanceof String name) {
            generator.writeFieldName(name);
        } else if (key instanceof Integer || key instanceof Long) {
            generator.writeFieldId(((Number) key).longValue());
        } else {
            throw new IllegalArgumentException("CBOR map keys here are text or integers, not " + key);
        }
    }

    private static Object read(CBORParser parser) throws IOException {
        int tag = parser.getCurrentTag();
        Object value = readUntagged(parser);
        return tag < 0 ? value : new CborTagged(tag, value);
    }

    private static Object readUntagged(CBORParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        return switch (token) {
            case START_OBJECT -> readMap(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> parser.getText();
            case VALUE_EMBEDDED_OBJECT -> parser.getBinaryValue();
            case VALUE_NUMBER_INT -> narrow(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new MalformedCborException("unsupported CBOR token " + token);
        };
    }

    private static Map<String, Object> readMap(CBORParser parser) throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            if (map.containsKey(key)) {
                throw new MalformedCborException("duplicate map key");
            }
            map.put(key, read(parser));
        }
        return map;
    }

    private static List<Object> readArray(CBORParser parser) throws IOException {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(read(parser));
        }
        return list;
    }

    private static Object narrow(BigInteger integer) {
        return integer.bitLength() < Long.SIZE ? (Object) integer.longValue() : integer;
    }
}
