package org.elicence.licence.credential.cbor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CborTest {

    @Test
    void encodesDefiniteLengthsIntegerKeysAndTagsAsRfc8949Says() {
        Map<Object, Object> header = new LinkedHashMap<>();
        header.put(1, -7);
        // RFC 9052 example encoding of {1: -7} is a1 01 26
        assertEquals("a10126", HexFormat.of().formatHex(Cbor.encode(header)));
        assertEquals("d903ec6a323032342d30322d3239",
                HexFormat.of().formatHex(Cbor.encode(LocalDate.of(2024, 2, 29))));
        assertEquals("c074323032342d30322d32395431303a31353a33305a",
                HexFormat.of().formatHex(Cbor.encode(Instant.parse("2024-02-29T10:15:30.123Z"))));
    }

    @Test
    void roundTripsTheTreeIncludingTagsAndBytes() {
        Map<Object, Object> original = new LinkedHashMap<>();
        original.put("text", "值");
        original.put(-2, new byte[] {1, 2, 3});
        original.put("list", List.of(1L, true, new CborTagged(24, new byte[] {(byte) 0xa0})));

        @SuppressWarnings("unchecked")
        Map<String, Object> decoded = (Map<String, Object>) Cbor.decode(Cbor.encode(original));

        assertEquals("值", decoded.get("text"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) decoded.get("-2"));
        List<?> list = (List<?>) decoded.get("list");
        assertEquals(1L, list.get(0));
        assertEquals(true, list.get(1));
        CborTagged tagged = (CborTagged) list.get(2);
        assertEquals(24, tagged.tag());
        assertEquals(Map.of(), Cbor.decodeEmbedded(tagged));
    }

    @Test
    void rejectsTrailingDataDuplicateKeysAndTruncation() {
        assertThrows(MalformedCborException.class, () -> Cbor.decode(HexFormat.of().parseHex("0101")));
        assertThrows(MalformedCborException.class, () -> Cbor.decode(HexFormat.of().parseHex("a2616101616102")));
        assertThrows(MalformedCborException.class, () -> Cbor.decode(HexFormat.of().parseHex("a2616101")));
        assertThrows(MalformedCborException.class, () -> Cbor.decodeEmbedded("not tagged"));
    }
}
