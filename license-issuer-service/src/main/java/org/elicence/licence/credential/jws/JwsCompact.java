package org.elicence.licence.credential.jws;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.ReasonCode;
import org.elicence.licence.credential.keys.KeyMaterial;

/**
 * RFC 7515 compact JWS with ES256 and the signer certificate in {@code x5c}: the credential's JWS and the status list
 * token. Signing, parsing and signature checks are Nimbus JOSE+JWT's; the claims are written by this project's JSON
 * writer ({@link Json}) so both representations serialise values the same way. Verifiers still check {@code alg}
 * themselves: only ES256 is ever accepted.
 */
public record JwsCompact(Map<String, Object> header, Map<String, Object> claims, JWSObject jws) {

    static final String TYPE = "JWT";

    public static String sign(Map<String, Object> claims, KeyMaterial keys) {
        return sign(TYPE, claims, keys);
    }

    /** @param type the {@code typ} header: JWT for credentials, statuslist+jwt for the status list token */
    public static String sign(String type, Map<String, Object> claims, KeyMaterial keys) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(type))
                .keyID(keys.keyId())
                // Only the DS certificate: the verifier already holds the IACA root.
                .x509CertChain(List.of(Base64.encode(Encoding.der(keys.documentSignerCertificate()))))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(Json.write(claims)));
        try {
            jws.sign(new ECDSASigner((ECPrivateKey) keys.documentSignerKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("ES256 signing failed", e);
        }
        return jws.serialize();
    }

    public static JwsCompact parse(String compact) throws CredentialRejectedException {
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact.trim());
        } catch (ParseException e) {
            throw new CredentialRejectedException(notEs256(compact) ? ReasonCode.UNSUPPORTED_ALGORITHM : ReasonCode.MALFORMED,
                    notEs256(compact) ? "JWS alg must be ES256" : "not a compact JWS with a JSON header");
        }
        try {
            return new JwsCompact(jws.getHeader().toJSONObject(), Json.readObject(jws.getPayload().toBytes()), jws);
        } catch (IOException | IllegalArgumentException e) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "JWS payload is not a JSON object");
        }
    }

    /** Whether the signature verifies with this (EC P-256) key; false for any other key or a broken signature. */
    public boolean signedBy(PublicKey key) {
        try {
            return key instanceof ECPublicKey ec && jws.verify(new ECDSAVerifier(ec));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** The first x5c entry (the signer) as DER, or null if the header carries none. */
    public byte[] signerCertificateDer() {
        List<Base64> chain = jws.getHeader().getX509CertChain();
        return chain == null || chain.isEmpty() ? null : chain.get(0).decode();
    }

    // Nimbus refuses a header with alg "none" or an unknown alg at parse time; say so rather than "malformed".
    private static boolean notEs256(String compact) {
        try {
            String header = new Base64URL(compact.trim().split("\\.", -1)[0]).decodeToString();
            Object alg = JSONObjectUtils.parse(header).get("alg");
            return alg instanceof String name && !JWSAlgorithm.ES256.getName().equals(name);
        } catch (ParseException | RuntimeException e) {
            return false;
        }
    }
}
