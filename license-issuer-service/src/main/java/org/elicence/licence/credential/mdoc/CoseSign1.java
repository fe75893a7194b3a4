package org.elicence.licence.credential.mdoc;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.ReasonCode;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.cbor.MalformedCborException;
import org.elicence.licence.credential.keys.Es256;

/**
 * COSE_Sign1 (RFC 9052 §4.2) as ISO 18013-5 uses it for issuerAuth:
 * {@code [protected: bstr .cbor {1: -7}, unprotected: {33: x5chain}, payload: bstr, signature: bstr]}.
 * The signature covers the Sig_structure {@code ["Signature1", protected, external_aad = h'', payload]}
 * (RFC 9052 §4.4), so the protected header bytes are signed exactly as transmitted while the unprotected
 * header (the certificate) is not: the certificate is instead trusted through its chain to the IACA.
 */
record CoseSign1(byte[] protectedHeader, Map<String, Object> unprotectedHeader, byte[] payload, byte[] signature) {

    static final int HEADER_ALGORITHM = 1;
    /** RFC 9360 x5chain: one DER certificate as bstr, or an array of them with the signer first. */
    static final int HEADER_X5CHAIN = 33;
    private static final String SIGNATURE1_CONTEXT = "Signature1";

    static CoseSign1 sign(byte[] payload, PrivateKey key, X509Certificate signerCertificate) {
        byte[] protectedHeader = Cbor.encode(Map.of(HEADER_ALGORITHM, Es256.COSE_ALGORITHM_ID));
        Map<String, Object> unprotected = new LinkedHashMap<>();
        unprotected.put(String.valueOf(HEADER_X5CHAIN), Encoding.der(signerCertificate));
        byte[] signature = Es256.sign(key, sigStructure(protectedHeader, payload));
        return new CoseSign1(protectedHeader, unprotected, payload, signature);
    }

    /**
     * A COSE_Sign1 with a detached payload (ISO 18013-5 deviceSignature: the payload, DeviceAuthenticationBytes,
     * is rebuilt by the reader and transmitted as nil); the unprotected header is empty.
     */
    static List<Object> signDetached(byte[] detachedPayload, PrivateKey key) {
        byte[] protectedHeader = Cbor.encode(Map.of(HEADER_ALGORITHM, Es256.COSE_ALGORITHM_ID));
        byte[] signature = Es256.sign(key, sigStructure(protectedHeader, detachedPayload));
        return java.util.Arrays.asList(protectedHeader, Map.of(), null, signature);
    }

    /** Reads a COSE_Sign1 whose payload is nil on the wire and is {@code detachedPayload}. */
    static CoseSign1 fromCborDetached(Object item, byte[] detachedPayload) throws CredentialRejectedException {
        Object array = item instanceof CborTagged tagged && tagged.tag() == CborTagged.COSE_SIGN1 ? tagged.value() : item;
        if (array instanceof List<?> parts && parts.size() == 4
                && parts.get(0) instanceof byte[] protectedHeader
                && parts.get(1) instanceof Map<?, ?> unprotected
                && parts.get(2) == null
                && parts.get(3) instanceof byte[] signature) {
            @SuppressWarnings("unchecked")
            Map<String, Object> header = (Map<String, Object>) unprotected;
            return new CoseSign1(protectedHeader, header, detachedPayload, signature);
        }
        throw new CredentialRejectedException(ReasonCode.MALFORMED,
                "deviceSignature is not a COSE_Sign1 with a detached (nil) payload");
    }

    /** The CBOR tree for embedding: a 4-element array with integer header labels. */
    List<Object> toCbor() {
        Map<Object, Object> unprotected = new LinkedHashMap<>();
        unprotectedHeader.forEach((label, value) -> unprotected.put(Integer.parseInt(label), value));
        return List.of(protectedHeader, unprotected, payload, signature);
    }

    static CoseSign1 fromCbor(Object item) throws CredentialRejectedException {
        Object array = item instanceof CborTagged tagged && tagged.tag() == CborTagged.COSE_SIGN1 ? tagged.value() : item;
        if (array instanceof List<?> parts && parts.size() == 4
                && parts.get(0) instanceof byte[] protectedHeader
                && parts.get(1) instanceof Map<?, ?> unprotected
                && parts.get(2) instanceof byte[] payload
                && parts.get(3) instanceof byte[] signature) {
            @SuppressWarnings("unchecked")
            Map<String, Object> header = (Map<String, Object>) unprotected;
            return new CoseSign1(protectedHeader, header, payload, signature);
        }
        throw new CredentialRejectedException(ReasonCode.MALFORMED, "issuerAuth is not a COSE_Sign1 structure");
    }

    /** Rejects anything but ES256, read from the protected header so an attacker cannot downgrade it. */
    void requireEs256() throws CredentialRejectedException {
        Object algorithm;
        try {
            algorithm = protectedHeader.length == 0 ? null
                    : ((Map<?, ?>) Cbor.decode(protectedHeader)).get(String.valueOf(HEADER_ALGORITHM));
        } catch (MalformedCborException | ClassCastException e) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "COSE protected header is not a CBOR map");
        }
        if (!Long.valueOf(Es256.COSE_ALGORITHM_ID).equals(algorithm)) {
            throw new CredentialRejectedException(ReasonCode.UNSUPPORTED_ALGORITHM,
                    "COSE algorithm must be ES256 (-7)");
        }
    }

    /** The document signer certificate bytes from x5chain; null if absent. */
    byte[] signerCertificateDer() {
        Object chain = unprotectedHeader.get(String.valueOf(HEADER_X5CHAIN));
        if (chain instanceof List<?> certificates && !certificates.isEmpty()) {
            chain = certificates.get(0);
        }
        return chain instanceof byte[] der ? der : null;
    }

    boolean signatureValid(PublicKey key) {
        return Es256.verify(key, sigStructure(protectedHeader, payload), signature);
    }

    private static byte[] sigStructure(byte[] protectedHeader, byte[] payload) {
        return Cbor.encode(List.of(SIGNATURE1_CONTEXT, protectedHeader, new byte[0], payload));
    }
}
