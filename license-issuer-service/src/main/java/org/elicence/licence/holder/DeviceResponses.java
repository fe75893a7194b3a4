package org.elicence.licence.holder;

import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.mdoc.DeviceAuthentication;
import org.elicence.licence.credential.mdoc.MdocDocuments;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;

/**
 * The holder's side of an ISO 18013-5 presentation: wraps the issued credential (the bare IssuerSigned the app
 * receives, or the issuer's Document) in a {@code DeviceResponse} whose single Document carries
 * {@code deviceSigned}: no device-signed elements ({@code DeviceNameSpaces} = {}) and a {@code deviceSignature}
 * made with the device key the MSO names, over {@code DeviceAuthentication} for the reader's SessionTranscript.
 *
 * <pre>
 * DeviceResponse = {"version": "1.0", "documents": [Document], "status": 0}
 * Document       = {"docType": tstr, "issuerSigned": IssuerSigned, "deviceSigned": DeviceSigned}
 * DeviceSigned   = {"nameSpaces": #6.24(bstr .cbor {}), "deviceAuth": {"deviceSignature": COSE_Sign1}}
 * </pre>
 *
 * The IssuerSigned is copied byte for byte (decoding and re-encoding it would change the COSE header label 33 into
 * a text key and break the issuer's signature), so the DeviceResponse is assembled from encoded pieces.
 */
public final class DeviceResponses {

    private static final int STATUS_OK = 0;

    private DeviceResponses() {
    }

    /**
     * @param credential        encoded IssuerSigned or Document, as issued
     * @param deviceKey         the private half of the device key registered for the application
     * @param sessionTranscript the reader's encoded SessionTranscript
     */
    public static byte[] signed(byte[] credential, PrivateKey deviceKey, byte[] sessionTranscript) {
        byte[] issuerSigned = issuerSigned(credential);
        String docType = docType(issuerSigned);
        byte[] nameSpacesBytes = Cbor.encode(Cbor.embed(Map.of()));
        byte[] payload = DeviceAuthentication.bytes(sessionTranscript, docType, nameSpacesBytes);
        Map<String, Object> deviceSigned = new LinkedHashMap<>();
        deviceSigned.put("nameSpaces", Cbor.decode(nameSpacesBytes));
        deviceSigned.put("deviceAuth", Map.of("deviceSignature", DeviceAuthentication.sign(deviceKey, payload)));
        return response(document(docType, issuerSigned, Cbor.encode(deviceSigned)));
    }

    /** A DeviceResponse without deviceSigned: what a copy of the credential amounts to; verifiers report it ABSENT. */
    public static byte[] withoutDeviceSignature(byte[] credential) {
        byte[] issuerSigned = issuerSigned(credential);
        return response(document(docType(issuerSigned), issuerSigned, null));
    }

    /**
     * A SessionTranscript for an online check at {@code POST /api/v1/licences/verify}: {@code [null, null, Handover]}
     * (no device engagement or reader key, as in ISO 18013-7's online presentations) with Handover
     * {@code ["org.elicence.verify.v1", nonce]}. The relying party picks a fresh nonce per check, so a recorded
     * DeviceResponse cannot be replayed into another check.
     */
    public static byte[] onlineSessionTranscript(String nonce) {
        if (nonce == null || nonce.isBlank()) {
            throw new IllegalArgumentException("the verifier's nonce is required");
        }
        return Cbor.encode(Arrays.asList(null, null, List.of("org.elicence.verify.v1", nonce)));
    }

    static byte[] issuerSigned(byte[] credential) {
        Object root = Cbor.decode(credential);
        if (root instanceof Map<?, ?> map && map.containsKey("issuerSigned")) {
            return MdocDocuments.issuerSigned(credential);
        }
        if (root instanceof Map<?, ?> map && map.containsKey("issuerAuth") && map.containsKey("nameSpaces")) {
            return credential;
        }
        throw new IllegalArgumentException("not an ISO 18013-5 IssuerSigned or Document");
    }

    /** The docType the issuer signed into the MSO. */
    static String docType(byte[] issuerSigned) {
        Object issuerAuth = ((Map<?, ?>) Cbor.decode(issuerSigned)).get("issuerAuth");
        if (issuerAuth instanceof CborTagged tagged) {
            issuerAuth = tagged.value();
        }
        Object mso = Cbor.decodeEmbedded(Cbor.decode((byte[]) ((List<?>) issuerAuth).get(2)));
        return (String) ((Map<?, ?>) mso).get("docType");
    }

    private static byte[] document(String docType, byte[] issuerSigned, byte[] deviceSigned) {
        var out = new ByteArrayOutputStream();
        out.write(deviceSigned == null ? 0xA2 : 0xA3); // map of 2 or 3 pairs
        out.writeBytes(Cbor.encode("docType"));
        out.writeBytes(Cbor.encode(docType));
        out.writeBytes(Cbor.encode("issuerSigned"));
        out.writeBytes(issuerSigned);
        if (deviceSigned != null) {
            out.writeBytes(Cbor.encode("deviceSigned"));
            out.writeBytes(deviceSigned);
        }
        return out.toByteArray();
    }

    private static byte[] response(byte[] document) {
        var out = new ByteArrayOutputStream();
        out.write(0xA3);
        out.writeBytes(Cbor.encode("version"));
        out.writeBytes(Cbor.encode("1.0"));
        out.writeBytes(Cbor.encode("documents"));
        out.write(0x81); // array of one
        out.writeBytes(document);
        out.writeBytes(Cbor.encode("status"));
        out.writeBytes(Cbor.encode(STATUS_OK));
        return out.toByteArray();
    }
}
