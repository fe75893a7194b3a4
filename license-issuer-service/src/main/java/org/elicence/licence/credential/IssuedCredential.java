package org.elicence.licence.credential;

import org.elicence.licence.credential.mdoc.MdocDocuments;
import org.elicence.licence.credential.qr.VerificationCodes;


/**
 * The two signed representations of one licence. (The QR code the app shows holds neither: it holds a random
 * online-verification code, {@link VerificationCodes}.)
 *
 * @param mdoc ISO 18013-5 {@code Document} (docType + issuerSigned), CBOR-encoded
 * @param jws  compact JWS (ES256, x5c) with the same claims, the portrait replaced by its SHA-256
 */
public record IssuedCredential(byte[] mdoc, String jws) {

    public IssuedCredential {
        mdoc = mdoc.clone();
    }

    @Override
    public byte[] mdoc() {
        return mdoc.clone();
    }

    /** The OpenID4VCI {@code mso_mdoc} form: the bare IssuerSigned of {@link #mdoc()}, base64url without padding. */
    public String issuerSignedBase64Url() {
        return MdocDocuments.issuerSignedBase64Url(mdoc);
    }

    /** The mdoc as base64url without padding, the text form {@link CredentialVerifier#verify(String)} accepts. */
    public String mdocBase64Url() {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mdoc);
    }
}
