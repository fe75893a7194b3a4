package org.elicence.licence.credential.mdoc;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import org.elicence.licence.credential.cbor.Cbor;

/**
 * The two wrappings of the same signed mdoc. The issuer writes and stores an ISO 18013-5 {@code Document}
 * ({@code {docType, issuerSigned}}); OpenID4VCI's {@code mso_mdoc} credential format is the bare {@code IssuerSigned}
 * (base64url CBOR; the wallet adds docType and deviceSigned when it presents it). The IssuerSigned is cut out of the
 * Document's bytes, not decoded and re-encoded: the codec reads map keys as text, so a round trip would turn the
 * COSE header label 33 (x5chain) into "33".
 */
public final class MdocDocuments {

    private MdocDocuments() {
    }

    /** The IssuerSigned bytes of a Document this issuer wrote (keys docType, then issuerSigned). */
    public static byte[] issuerSigned(byte[] document) {
        if (!(Cbor.decode(document) instanceof Map<?, ?> map) || !(map.get("docType") instanceof String docType)
                || map.size() != 2 || !map.containsKey("issuerSigned")) {
            throw new IllegalArgumentException("not an ISO 18013-5 Document {docType, issuerSigned}");
        }
        var prefix = new ByteArrayOutputStream();
        prefix.writeBytes(Cbor.encode("docType"));
        prefix.writeBytes(Cbor.encode(docType));
        prefix.writeBytes(Cbor.encode("issuerSigned"));
        byte[] expected = prefix.toByteArray();
        int head = document[0] & 0xff;
        int end = switch (head) {
            case 0xa2 -> document.length;                                             // map of 2 entries
            case 0xbf -> (document[document.length - 1] & 0xff) == 0xff ? document.length - 1 : -1; // indefinite map
            default -> -1;
        };
        if (end < 0 || !Arrays.equals(document, 1, 1 + expected.length, expected, 0, expected.length)) {
            throw new IllegalArgumentException("Document is not laid out as this issuer writes it");
        }
        byte[] issuerSigned = Arrays.copyOfRange(document, 1 + expected.length, end);
        Cbor.decode(issuerSigned); // exactly one data item, or this throws
        return issuerSigned;
    }

    /** {@link #issuerSigned(byte[])} as base64url without padding: the OpenID4VCI {@code mso_mdoc} credential value. */
    public static String issuerSignedBase64Url(byte[] document) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(issuerSigned(document));
    }
}
