package org.elicence.licence.credential.jws;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.ClaimValues;
import org.elicence.licence.credential.CredentialContent;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.LicenceElements.Element;
import org.elicence.licence.credential.LicenceElements;
import org.elicence.licence.credential.ReasonCode;
import org.elicence.licence.credential.status.StatusListReference;
import org.elicence.licence.credential.ValidityWindow;

/**
 * The JWS claim set: registered claims (iss, sub, iat, nbf, exp) plus one JSON object per mdoc namespace with
 * the same element identifiers, so a verifier reads both representations the same way. The portrait is
 * replaced by {@code portrait_sha256} (base64url SHA-256 of the JPEG) to keep the JWS small.
 */
public final class JwsClaims {

    static final String DOC_TYPE = "doctype";

    private JwsClaims() {
    }

    public static Map<String, Object> build(List<Element> elements, ValidityWindow validity, StatusListReference status) {
        Map<String, Object> claims = new LinkedHashMap<>();
        Map<String, Map<String, Object>> namespaces = new LinkedHashMap<>();
        for (Element element : elements) {
            if (LicenceElements.PORTRAIT.equals(element.identifier())) {
                claims.put(ClaimValues.PORTRAIT_SHA256, ClaimValues.portraitDigest((byte[]) element.value()));
                continue;
            }
            Object value = ClaimValues.toJson(element.value());
            namespaces.computeIfAbsent(element.namespace(), ns -> new LinkedHashMap<>()).put(element.identifier(), value);
            if (LicenceElements.ISSUING_AUTHORITY.equals(element.identifier())) {
                claims.put("iss", value);
            } else if (LicenceElements.DOCUMENT_NUMBER.equals(element.identifier())) {
                claims.put("sub", value);
            }
        }
        claims.put("iat", validity.signed().getEpochSecond());
        claims.put("nbf", validity.validFrom().getEpochSecond());
        claims.put("exp", validity.validUntil().getEpochSecond());
        if (status != null) {
            claims.put(StatusListReference.CLAIM, status.toClaim());
        }
        claims.put(DOC_TYPE, LicenceElements.MDL_DOCTYPE);
        claims.putAll(namespaces);
        return claims;
    }

    public static CredentialContent read(Map<String, Object> claims) throws CredentialRejectedException {
        Map<String, Map<String, Object>> namespaces = new LinkedHashMap<>();
        for (String namespace : List.of(LicenceElements.ISO_NAMESPACE, LicenceElements.DOMESTIC_NAMESPACE)) {
            if (claims.get(namespace) instanceof Map<?, ?> elements) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) elements;
                namespaces.put(namespace, typed);
            }
        }
        if (!(claims.get(DOC_TYPE) instanceof String docType)
                || !(claims.get(ClaimValues.PORTRAIT_SHA256) instanceof String portrait) || namespaces.isEmpty()) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "JWS lacks doctype, namespaces or portrait digest");
        }
        var validity = new ValidityWindow(epoch(claims, "iat"), epoch(claims, "nbf"), epoch(claims, "exp"));
        return new CredentialContent(namespaces, portrait, docType, validity,
                StatusListReference.fromClaim(claims.get(StatusListReference.CLAIM)));
    }

    private static Instant epoch(Map<String, Object> claims, String name) throws CredentialRejectedException {
        if (claims.get(name) instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        throw new CredentialRejectedException(ReasonCode.MALFORMED, "JWS lacks numeric " + name);
    }
}
