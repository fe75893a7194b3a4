package org.elicence.licence.credential.mdoc;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.ClaimValues;
import org.elicence.licence.credential.CredentialContent;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.CredentialVerifier;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.LicenceElements;
import org.elicence.licence.credential.ReasonCode;
import org.elicence.licence.credential.status.StatusListReference;
import org.elicence.licence.credential.ValidityWindow;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.keys.IssuerTrust;

/**
 * ISO 18013-5 §9.3.1 issuer data authentication of one mdoc: COSE signature by a trusted document signer,
 * then every disclosed IssuerSignedItem against the digests in the signed MSO. The validity window and the
 * register status are judged afterwards by {@link CredentialVerifier}, the same way as for the JWS.
 *
 * <p>Accepts a {@code Document}, a bare {@code IssuerSigned}, or a {@code DeviceResponse} (first document). A
 * Document with {@code deviceSigned} gets §9.1.3 mdoc authentication ({@link DeviceAuthentication}) against the
 * MSO's device key, after issuer data authentication, when the verifier has the session transcript.
 * Structural surprises (a text where a map belongs) surface as RuntimeExceptions that the caller reports
 * as MALFORMED.
 */
public final class MdocVerification {

    private static final String ISSUER_SIGNED = "issuerSigned";
    private static final String DOC_TYPE = "docType";
    private final IssuerTrust trust;

    public MdocVerification(IssuerTrust trust) {
        this.trust = trust;
    }

    public record Verified(CredentialContent content, X509Certificate signer, DeviceAuthentication.Result device) {
    }

    Verified verify(byte[] encoded, Instant now) throws CredentialRejectedException {
        return verify(encoded, null, now);
    }

    /** @param sessionTranscript the encoded SessionTranscript of the presentation, or null if the verifier has none */
    public Verified verify(byte[] encoded, byte[] sessionTranscript, Instant now) throws CredentialRejectedException {
        Map<String, Object> document = document(map(Cbor.decode(encoded)));
        Map<String, Object> issuerSigned = document.containsKey(ISSUER_SIGNED) ? map(document.get(ISSUER_SIGNED)) : document;
        if (!issuerSigned.containsKey("nameSpaces") || !issuerSigned.containsKey("issuerAuth")) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "not an ISO 18013-5 Document or IssuerSigned");
        }

        CoseSign1 issuerAuth = CoseSign1.fromCbor(issuerSigned.get("issuerAuth"));
        issuerAuth.requireEs256();
        X509Certificate signer = trust.check(issuerAuth.signerCertificateDer(), now);
        if (!issuerAuth.signatureValid(signer.getPublicKey())) {
            throw new CredentialRejectedException(ReasonCode.BAD_SIGNATURE, "issuerAuth signature does not verify");
        }

        Map<String, Object> mso = map(Cbor.decodeEmbedded(Cbor.decode(issuerAuth.payload())));
        if (!MdocWriter.DIGEST_ALGORITHM.equals(mso.get("digestAlgorithm"))) {
            throw new CredentialRejectedException(ReasonCode.UNSUPPORTED_ALGORITHM, "MSO digest algorithm must be SHA-256");
        }
        Object docType = mso.get(DOC_TYPE);
        if (document.containsKey(DOC_TYPE) && !document.get(DOC_TYPE).equals(docType)) {
            throw new CredentialRejectedException(ReasonCode.WRONG_DOCTYPE, "document and MSO docType differ");
        }
        Map<String, Map<String, Object>> elements = checkedElements(map(issuerSigned.get("nameSpaces")),
                map(mso.get("valueDigests")));
        Object portrait = elements.getOrDefault(LicenceElements.ISO_NAMESPACE, Map.of()).get(LicenceElements.PORTRAIT);
        String portraitSha256 = portrait == null ? null
                : ClaimValues.portraitDigest(java.util.Base64.getDecoder().decode((String) portrait));
        var content = new CredentialContent(elements, portraitSha256, (String) docType, validity(map(mso.get("validityInfo"))),
                StatusListReference.fromClaim(mso.get(StatusListReference.CLAIM)));
        DeviceAuthentication.Result device = DeviceAuthentication.Result.ABSENT;
        if (document.get("deviceSigned") instanceof Map<?, ?> deviceSigned) {
            Object deviceKey = mso.get("deviceKeyInfo") instanceof Map<?, ?> info ? info.get("deviceKey") : null;
            device = DeviceAuthentication.check(map(deviceSigned), (String) docType, deviceKey, sessionTranscript);
        }
        return new Verified(content, signer, device);
    }

    /** The Document inside a DeviceResponse, or the root itself; a Document must name its docType. */
    private static Map<String, Object> document(Map<String, Object> root) throws CredentialRejectedException {
        Map<String, Object> document = root.get("documents") instanceof List<?> documents && !documents.isEmpty()
                ? map(documents.get(0)) : root;
        if (document.containsKey(ISSUER_SIGNED) && !(document.get(DOC_TYPE) instanceof String)) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "Document lacks its docType");
        }
        return document;
    }

    /** Every disclosed item must hash to the digest the MSO lists under its own namespace and digestID. */
    private static Map<String, Map<String, Object>> checkedElements(Map<String, Object> nameSpaces,
            Map<String, Object> valueDigests) throws CredentialRejectedException {
        Map<String, Map<String, Object>> elements = new LinkedHashMap<>();
        for (Map.Entry<String, Object> namespace : nameSpaces.entrySet()) {
            Map<String, Object> digests = valueDigests.get(namespace.getKey()) instanceof Map<?, ?> listed
                    ? map(listed) : Map.of();
            Map<String, Object> values = new LinkedHashMap<>();
            for (Object item : (List<?>) namespace.getValue()) {
                Map<String, Object> signedItem = checkedItem(item, digests);
                String identifier = (String) signedItem.get("elementIdentifier");
                if (values.put(identifier, ClaimValues.toJson(signedItem.get("elementValue"))) != null) {
                    throw new CredentialRejectedException(ReasonCode.MALFORMED, "element disclosed twice");
                }
            }
            elements.put(namespace.getKey(), values);
        }
        return elements;
    }

    private static Map<String, Object> checkedItem(Object item, Map<String, Object> digests)
            throws CredentialRejectedException {
        if (!(item instanceof CborTagged tagged && tagged.tag() == CborTagged.ENCODED_CBOR)) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED, "IssuerSignedItem is not tag-24 bytes");
        }
        // Hash before decoding: an altered item must fail as DIGEST_MISMATCH even if it no longer parses.
        byte[] digest = Encoding.sha256(Cbor.encode(tagged));
        if (!containsDigest(digests.values(), digest)) {
            throw new CredentialRejectedException(ReasonCode.DIGEST_MISMATCH,
                    "a data element does not match the digests signed in the MSO");
        }
        Map<String, Object> signedItem = map(Cbor.decodeEmbedded(tagged));
        Object listed = digests.get(String.valueOf(signedItem.get("digestID")));
        if (!(listed instanceof byte[] expected) || !MessageDigest.isEqual(expected, digest)) {
            throw new CredentialRejectedException(ReasonCode.DIGEST_MISMATCH,
                    "a data element is signed under a different digestID");
        }
        return signedItem;
    }

    private static boolean containsDigest(Collection<Object> digests, byte[] digest) {
        return digests.stream().anyMatch(listed -> listed instanceof byte[] bytes && MessageDigest.isEqual(bytes, digest));
    }

    private static ValidityWindow validity(Map<String, Object> validityInfo) {
        return new ValidityWindow(dateTime(validityInfo.get("signed")), dateTime(validityInfo.get("validFrom")),
                dateTime(validityInfo.get("validUntil")));
    }

    private static Instant dateTime(Object tdate) {
        if (tdate instanceof CborTagged tagged && tagged.tag() == CborTagged.DATE_TIME) {
            return Instant.parse((String) tagged.value());
        }
        throw new IllegalArgumentException("validityInfo dates must be tag-0 tdate");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("expected a CBOR map");
    }
}
