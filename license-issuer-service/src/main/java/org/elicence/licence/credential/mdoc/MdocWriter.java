package org.elicence.licence.credential.mdoc;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.Encoding;
import org.elicence.licence.credential.LicenceElements.Element;
import org.elicence.licence.credential.LicenceElements;
import org.elicence.licence.credential.status.StatusListReference;
import org.elicence.licence.credential.ValidityWindow;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.keys.EcPoints;
import org.elicence.licence.credential.keys.KeyMaterial;

/**
 * Builds the ISO 18013-5 {@code Document}: every element becomes a salted IssuerSignedItem, the Mobile
 * Security Object lists the SHA-256 of each item, and only the MSO is signed. That indirection is what
 * lets a holder later disclose a subset of elements that still verifies (selective disclosure).
 */
public final class MdocWriter {

    static final String MSO_VERSION = "1.0";
    static final String DIGEST_ALGORITHM = "SHA-256";
    /** ISO 18013-5 §9.1.2.5 asks for at least 16 bytes of salt so digests cannot be brute-forced. */
    private static final int SALT_BYTES = 32;
    static final int COSE_KEY_TYPE_EC2 = 2;
    static final int COSE_CURVE_P256 = 1;

    private final SecureRandom random = new SecureRandom();

    public byte[] write(List<Element> elements, ValidityWindow validity, PublicKey deviceKey, StatusListReference status,
            KeyMaterial keys) {
        Map<String, List<Object>> itemsByNamespace = new LinkedHashMap<>();
        Map<String, Map<Object, Object>> digestsByNamespace = new LinkedHashMap<>();
        List<Integer> digestIds = shuffledIds(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            CborTagged item = Cbor.embed(issuerSignedItem(digestIds.get(i), element));
            itemsByNamespace.computeIfAbsent(element.namespace(), ns -> new ArrayList<>()).add(item);
            digestsByNamespace.computeIfAbsent(element.namespace(), ns -> new LinkedHashMap<>())
                    .put(digestIds.get(i), Encoding.sha256(Cbor.encode(item)));
        }
        byte[] msoPayload = Cbor.encode(Cbor.embed(mobileSecurityObject(digestsByNamespace, validity, deviceKey, status)));
        CoseSign1 issuerAuth = CoseSign1.sign(msoPayload, keys.documentSignerKey(), keys.documentSignerCertificate());

        Map<String, Object> issuerSigned = new LinkedHashMap<>();
        issuerSigned.put("nameSpaces", itemsByNamespace);
        issuerSigned.put("issuerAuth", issuerAuth.toCbor());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("docType", LicenceElements.MDL_DOCTYPE);
        document.put("issuerSigned", issuerSigned);
        return Cbor.encode(document);
    }

    private Map<String, Object> issuerSignedItem(int digestId, Element element) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("digestID", digestId);
        item.put("random", salt);
        item.put("elementIdentifier", element.identifier());
        item.put("elementValue", element.value());
        return item;
    }

    private static Map<String, Object> mobileSecurityObject(Map<String, Map<Object, Object>> valueDigests,
            ValidityWindow validity, PublicKey deviceKey, StatusListReference status) {
        Map<String, Object> validityInfo = new LinkedHashMap<>();
        validityInfo.put("signed", validity.signed());
        validityInfo.put("validFrom", validity.validFrom());
        validityInfo.put("validUntil", validity.validUntil());
        Map<String, Object> mso = new LinkedHashMap<>();
        mso.put("version", MSO_VERSION);
        mso.put("digestAlgorithm", DIGEST_ALGORITHM);
        mso.put("valueDigests", valueDigests);
        mso.put("deviceKeyInfo", Map.of("deviceKey", coseKey(deviceKey)));
        mso.put("docType", LicenceElements.MDL_DOCTYPE);
        mso.put("validityInfo", validityInfo);
        // ISO 18013-5 2nd edition's optional MSO "status", shaped as the Token Status List draft's COSE status.
        if (status != null) {
            mso.put(StatusListReference.CLAIM, status.toClaim());
        }
        return mso;
    }

    /** RFC 9053 §7.1.1 EC2 COSE_Key: {1: 2 (kty EC2), -1: 1 (crv P-256), -2: x, -3: y}. */
    static Map<Object, Object> coseKey(PublicKey publicKey) {
        ECPublicKey key = EcPoints.requireP256(publicKey);
        Map<Object, Object> coseKey = new LinkedHashMap<>();
        coseKey.put(1, COSE_KEY_TYPE_EC2);
        coseKey.put(-1, COSE_CURVE_P256);
        coseKey.put(-2, EcPoints.x(key));
        coseKey.put(-3, EcPoints.y(key));
        return coseKey;
    }

    // Random digest IDs keep the MSO from revealing which element sits at which position.
    private List<Integer> shuffledIds(int count) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, random);
        return ids;
    }
}
