package org.elicence.licence.credential.mdoc;

import java.util.List;
import java.util.Map;
import org.elicence.licence.credential.LicenceElements;
import org.elicence.licence.credential.cbor.Cbor;

/**
 * Reads the portrait back out of an mdoc this issuer signed, so that a renewal signs the same approved portrait
 * again. The stored mdoc is the issuer's own record of what it signed, so nothing is verified here (a renewal
 * after a document signer rotation must work even once the old signer certificate has expired).
 */
public final class MdocPortrait {

    private MdocPortrait() {
    }

    /** @throws IllegalArgumentException if the bytes are not an mdoc with a JPEG portrait element */
    public static byte[] jpeg(byte[] mdoc) {
        try {
            Map<?, ?> document = (Map<?, ?>) Cbor.decode(mdoc);
            Map<?, ?> nameSpaces = (Map<?, ?>) ((Map<?, ?>) document.get("issuerSigned")).get("nameSpaces");
            for (Object item : (List<?>) nameSpaces.get(LicenceElements.ISO_NAMESPACE)) {
                Map<?, ?> signedItem = (Map<?, ?>) Cbor.decodeEmbedded(item);
                if (LicenceElements.PORTRAIT.equals(signedItem.get("elementIdentifier"))
                        && signedItem.get("elementValue") instanceof byte[] portrait) {
                    return portrait;
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an mdoc of this issuer", e);
        }
        throw new IllegalArgumentException("the mdoc carries no portrait");
    }
}
