package org.elicence.licence.credential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 7515 compact JWS with ES256 and the signer certificate in {@code x5c}, the self-contained form the
 * QR code carries. Hand-written rather than pulling in a JOSE library because only this one profile is used,
 * and the verifier must reject every other algorithm anyway.
 */
record JwsCompact(Map<String, Object> header, Map<String, Object> claims, byte[] signingInput, byte[] signature) {

    static final String TYPE = "JWT";

    static String sign(Map<String, Object> claims, KeyMaterial keys) {
        return sign(TYPE, claims, keys);
    }

    /** @param type the {@code typ} header: JWT for credentials, statuslist+jwt for the status list token */
    static String sign(String type, Map<String, Object> claims, KeyMaterial keys) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", Es256.JWS_NAME);
        header.put("typ", type);
        header.put("kid", keys.keyId());
        // Only the DS certificate: the verifier already holds the IACA root, and the QR code is size-bound.
        header.put("x5c", List.of(Encoding.base64(Encoding.der(keys.documentSignerCertificate()))));
        String signingInput = encodeJson(header) + "." + encodeJson(claims);
        byte[] signature = Es256.sign(keys.documentSignerKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + Encoding.base64Url(signature);
    }

    static JwsCompact parse(String compact) throws CredentialRejectedException {
        String[] parts = compact.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "a compact JWS has exactly three parts");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            return new JwsCompact(
                    Json.readObject(decoder.decode(parts[0])),
                    Json.readObject(decoder.decode(parts[1])),
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    decoder.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "JWS parts are not base64url JSON objects");
        }
    }

    /** The first x5c entry (the signer) as DER, or null if the header carries none. */
    byte[] signerCertificateDer() {
        if (header.get("x5c") instanceof List<?> chain && !chain.isEmpty() && chain.get(0) instanceof String b64) {
            try {
                return Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    private static String encodeJson(Map<String, Object> object) {
        return Encoding.base64Url(Json.write(object).getBytes(StandardCharsets.UTF_8));
    }
}
