package org.elicence.licence.service;

import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.licence.credential.IssuedCredential;

/**
 * A freshly signed credential with the instants the store and the event need. The validity end is read back
 * from the JWS's {@code exp} rather than recomputed, because the issuer caps it at the document signer
 * certificate's expiry and only the signed value is the truth.
 */
public record SignedLicence(byte[] mdoc, String jws, Instant issuedAt, Instant validUntil) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SignedLicence of(IssuedCredential credential) {
        JsonNode claims = jwsClaims(credential.jws());
        return new SignedLicence(credential.mdoc(), credential.jws(), Instant.ofEpochSecond(claims.path("iat").asLong()),
                Instant.ofEpochSecond(claims.path("exp").asLong()));
    }

    private static JsonNode jwsClaims(String jws) {
        String[] parts = jws.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalStateException("the issuer produced a JWS whose claims cannot be read", e);
        }
    }

    @Override
    public String toString() {
        return "SignedLicence[issuedAt=" + issuedAt + ", validUntil=" + validUntil + "]";
    }
}
