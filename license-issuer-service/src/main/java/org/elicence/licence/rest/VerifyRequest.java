package org.elicence.licence.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A credential as presented: the online-verification QR code's text ({@code ELV1:<code>}), a compact JWS, or the
 * base64url mdoc (Document, IssuerSigned or DeviceResponse); for a DeviceResponse, the SessionTranscript its
 * deviceSignature covers.
 */
public record VerifyRequest(
        @Schema(description = "the online-verification QR code's text (ELV1:<code>), a compact JWS or base64url "
                + "ISO 18013-5 mdoc: Document, IssuerSigned "
                + "or DeviceResponse")
        @NotBlank @Size(max = VerifyRequest.MAX_CREDENTIAL_CHARS) String credential,
        @Schema(description = "base64url CBOR SessionTranscript the DeviceResponse's deviceSignature covers (the "
                + "reader's; e.g. [null, null, [\"org.elicence.verify.v1\", nonce]] for an online check with the "
                + "verifier's nonce); without it device authentication is NOT_CHECKED")
        @Size(max = VerifyRequest.MAX_TRANSCRIPT_CHARS) String sessionTranscript) {

    static final int MAX_TRANSCRIPT_CHARS = 8_192;

    /** A licence-format portrait keeps an mdoc far below this; anything larger is not one of ours. */
    static final int MAX_CREDENTIAL_CHARS = 2_000_000;
}
