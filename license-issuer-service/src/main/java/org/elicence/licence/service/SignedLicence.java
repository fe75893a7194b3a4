package org.elicence.licence.service;

import java.time.Instant;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.elicence.licence.credential.IssuedCredential;

/**
 * A freshly signed credential with the values the store and the event need. The validity end and the status
 * list index are read back from the JWS rather than passed along, because the issuer caps the validity at the
 * document signer certificate's expiry and only the signed values are the truth.
 */
public record SignedLicence(byte[] mdoc, String jws, Instant issuedAt, Instant validUntil, long statusIndex) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static SignedLicence of(IssuedCredential credential) {
        JsonNode claims = jwsClaims(credential.jws());
        JsonNode statusIndex = claims.path("status").path("status_list").path("idx");
        if (!statusIndex.canConvertToLong()) {
            throw new IllegalStateException("the issuer signed a credential without a status list entry");
        }
        return new SignedLicence(credential.mdoc(), credential.jws(), Instant.ofEpochSecond(claims.path("iat").asLong()),
                Instant.ofEpochSecond(claims.path("exp").asLong()), statusIndex.asLong());
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
        return "SignedLicence[issuedAt=" + issuedAt + ", validUntil=" + validUntil + ", statusIndex=" + statusIndex + "]";
    }
}
