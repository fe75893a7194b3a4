package org.elicence.licence.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A credential as presented: the compact JWS from the QR code, or the base64url mdoc. */
public record VerifyRequest(
        @Schema(description = "compact JWS (the QR code's text) or base64url ISO 18013-5 mdoc")
        @NotBlank @Size(max = VerifyRequest.MAX_CREDENTIAL_CHARS) String credential) {

    /** A licence-format portrait keeps an mdoc far below this; anything larger is not one of ours. */
    static final int MAX_CREDENTIAL_CHARS = 2_000_000;
}
