package org.elicence.licence.credential;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.status.StatusListReference;

/**
 * Turns data elements into the JSON-friendly shape used in JWS claims and in {@link VerificationResult#claims()}:
 * dates become ISO-8601 text, byte strings standard base64, tags are dropped.
 */
public final class ClaimValues {

    public static final String PORTRAIT_SHA256 = "portrait_sha256";
    static final String DOC_TYPE = "doc_type";
    static final String VALID_FROM = "valid_from";
    static final String VALID_UNTIL = "valid_until";

    private ClaimValues() {
    }

    public static Object toJson(Object value) {
        if (value instanceof CborTagged tagged) {
            return toJson(tagged.value());
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return Encoding.base64(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ClaimValues::toJson).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> json = new LinkedHashMap<>();
            map.forEach((key, item) -> json.put(String.valueOf(key), toJson(item)));
            return json;
        }
        return value;
    }

    /**
     * The verifier's view of a credential, identical for mdoc and JWS: every element by its identifier
     * (identifiers are unique across our namespaces), the portrait digest, docType, validity and, when the
     * credential has one, its status list entry (so a relying party learns where to follow its status).
     */
    static Map<String, Object> flatten(Map<String, Map<String, Object>> elementsByNamespace, String portraitSha256,
            String docType, ValidityWindow validity, StatusListReference status) {
        Map<String, Object> claims = new LinkedHashMap<>();
        elementsByNamespace.values().forEach(claims::putAll);
        if (portraitSha256 != null) {
            claims.put(PORTRAIT_SHA256, portraitSha256);
        }
        claims.put(DOC_TYPE, docType);
        claims.put(VALID_FROM, validity.validFrom().toString());
        claims.put(VALID_UNTIL, validity.validUntil().toString());
        if (status != null) {
            claims.put(StatusListReference.CLAIM, status.toClaim());
        }
        return claims;
    }

    public static String portraitDigest(byte[] portrait) {
        return Encoding.base64Url(Encoding.sha256(portrait));
    }
}
