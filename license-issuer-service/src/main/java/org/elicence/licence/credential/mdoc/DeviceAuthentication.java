package org.elicence.licence.credential.mdoc;

import java.io.ByteArrayOutputStream;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.ReasonCode;
import org.elicence.licence.credential.cbor.Cbor;
import org.elicence.licence.credential.cbor.CborTagged;
import org.elicence.licence.credential.keys.EcPoints;

/**
 * ISO 18013-5 §9.1.3 mdoc authentication with a device signature, the part both sides share: the holder signs and
 * the verifier re-builds
 *
 * <pre>
 * DeviceAuthentication      = ["DeviceAuthentication", SessionTranscript, DocType, DeviceNameSpacesBytes]
 * DeviceAuthenticationBytes = #6.24(bstr .cbor DeviceAuthentication)
 * deviceSignature           = COSE_Sign1 (ES256) over DeviceAuthenticationBytes as detached payload (nil on the wire)
 * </pre>
 *
 * The SessionTranscript is the reader's (for proximity: DeviceEngagementBytes, EReaderKeyBytes, Handover); it is
 * spliced in byte for byte, never decoded and re-encoded, so both sides sign the same bytes whatever the encoder.
 * The key that must have signed is the MSO's {@code deviceKeyInfo.deviceKey}, which the issuer signed: a copy of the
 * credential without the holder's private key cannot produce it.
 */
public final class DeviceAuthentication {

    /** What a verification found about device (holder) authentication. */
    public enum Result {
        /** The deviceSignature verifies with the MSO's device key over the given session transcript. */
        AUTHENTICATED,
        /** A deviceSignature is there and does not verify (another key, another transcript, altered data). */
        FAILED,
        /**
         * No device authentication was presented: a Document, a bare IssuerSigned, a JWS, or a DeviceResponse
         * without deviceSigned. Anyone holding a copy can present such a credential.
         */
        ABSENT,
        /** A deviceSignature is there but the verifier was given no session transcript, or it is a deviceMac. */
        NOT_CHECKED
    }

    static final String CONTEXT = "DeviceAuthentication";

    private DeviceAuthentication() {
    }

    /**
     * DeviceAuthenticationBytes, the detached payload of the deviceSignature.
     *
     * @param sessionTranscript     the encoded SessionTranscript, exactly as the reader holds it
     * @param docType               the presented document's docType
     * @param deviceNameSpacesBytes the encoded {@code #6.24(bstr .cbor DeviceNameSpaces)} as in deviceSigned
     */
    public static byte[] bytes(byte[] sessionTranscript, String docType, byte[] deviceNameSpacesBytes) {
        requireSessionTranscript(sessionTranscript);
        var array = new ByteArrayOutputStream();
        array.write(0x84); // CBOR array of four items
        array.writeBytes(Cbor.encode(CONTEXT));
        array.writeBytes(sessionTranscript);
        array.writeBytes(Cbor.encode(docType));
        array.writeBytes(deviceNameSpacesBytes);
        return Cbor.encode(CborTagged.embedded(array.toByteArray()));
    }

    /** The deviceSignature: an ES256 COSE_Sign1 with {@code deviceAuthenticationBytes} as detached payload. */
    public static List<Object> sign(PrivateKey deviceKey, byte[] deviceAuthenticationBytes) {
        return CoseSign1.signDetached(deviceAuthenticationBytes, deviceKey);
    }

    /** RFC 9053 EC2 COSE_Key of a P-256 public key, as the MSO's deviceKeyInfo carries it. */
    public static Map<Object, Object> coseKey(PublicKey publicKey) {
        return MdocWriter.coseKey(publicKey);
    }

    /**
     * The P-256 public key with these 32-byte coordinates (a JWK's or COSE_Key's x and y).
     *
     * @throws IllegalArgumentException when they are not a point on the curve
     */
    public static ECPublicKey p256(byte[] x, byte[] y) {
        return EcPoints.publicKey(x, y);
    }

    /** A SessionTranscript is one well-formed CBOR array of three items (ISO 18013-5 §9.1.5.1). */
    public static void requireSessionTranscript(byte[] sessionTranscript) {
        if (sessionTranscript == null || !(Cbor.decode(sessionTranscript) instanceof List<?> parts) || parts.size() != 3) {
            throw new IllegalArgumentException("a SessionTranscript is a CBOR array [DeviceEngagementBytes, "
                    + "EReaderKeyBytes, Handover]");
        }
    }

    /** The MSO's deviceKey as a P-256 public key; a COSE_Key of another type or curve, or off the curve, is refused. */
    static ECPublicKey deviceKey(Object coseKey) {
        if (coseKey instanceof Map<?, ?> key
                && Long.valueOf(MdocWriter.COSE_KEY_TYPE_EC2).equals(key.get("1"))
                && Long.valueOf(MdocWriter.COSE_CURVE_P256).equals(key.get("-1"))
                && key.get("-2") instanceof byte[] x && key.get("-3") instanceof byte[] y) {
            return EcPoints.publicKey(x, y);
        }
        throw new IllegalArgumentException("deviceKey is not an EC2 P-256 COSE_Key");
    }

    /**
     * Checks a Document's deviceSigned against the MSO's device key.
     *
     * @param sessionTranscript the reader's transcript, or null when the verifier has none
     * @throws CredentialRejectedException DEVICE_AUTH_FAILED when the signature does not verify
     */
    static Result check(Map<String, Object> deviceSigned, String docType, Object msoDeviceKey, byte[] sessionTranscript)
            throws CredentialRejectedException {
        if (!(deviceSigned.get("nameSpaces") instanceof CborTagged nameSpaces && nameSpaces.tag() == CborTagged.ENCODED_CBOR)
                || !(deviceSigned.get("deviceAuth") instanceof Map<?, ?> deviceAuth)) {
            throw new CredentialRejectedException(ReasonCode.MALFORMED,
                    "deviceSigned needs nameSpaces (tag-24 DeviceNameSpaces) and deviceAuth");
        }
        boolean signed = deviceAuth.containsKey("deviceSignature");
        if (signed == deviceAuth.containsKey("deviceMac")) {
            // an empty deviceAuth (or one with both) claims holder binding it does not carry: never NOT_CHECKED
            throw new CredentialRejectedException(ReasonCode.MALFORMED,
                    "deviceAuth needs exactly one of deviceSignature and deviceMac");
        }
        if (!signed || sessionTranscript == null) {
            return Result.NOT_CHECKED; // deviceMac needs the reader's ephemeral key: proximity sessions only
        }
        byte[] payload = bytes(sessionTranscript, docType, Cbor.encode(nameSpaces));
        CoseSign1 signature = CoseSign1.fromCborDetached(deviceAuth.get("deviceSignature"), payload);
        signature.requireEs256();
        PublicKey key;
        try {
            key = deviceKey(msoDeviceKey);
        } catch (IllegalArgumentException e) {
            throw new CredentialRejectedException(ReasonCode.DEVICE_AUTH_FAILED, "the MSO's deviceKey is unusable: "
                    + e.getMessage());
        }
        if (!signature.signatureValid(key)) {
            throw new CredentialRejectedException(ReasonCode.DEVICE_AUTH_FAILED, "deviceSignature does not verify with "
                    + "the device key the issuer signed into the MSO over this session transcript: not presented by "
                    + "the holder's device, or for another session");
        }
        return Result.AUTHENTICATED;
    }
}
