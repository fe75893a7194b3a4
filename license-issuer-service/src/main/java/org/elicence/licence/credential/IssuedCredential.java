package org.elicence.licence.credential;

/**
 * The two signed representations of one licence, plus what to put in its QR code.
 *
 * @param mdoc      ISO 18013-5 {@code Document} (docType + issuerSigned), CBOR-encoded
 * @param jws       compact JWS (ES256, x5c) with the same claims, the portrait replaced by its SHA-256
 * @param qrPayload the text to encode in the QR code: the JWS itself, so a scan verifies offline
 */
public record IssuedCredential(byte[] mdoc, String jws, String qrPayload) {

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
