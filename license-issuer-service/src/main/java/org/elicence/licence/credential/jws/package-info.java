/**
 * The JWS representation (RFC 7515 compact, ES256, signer certificate in x5c): the licence claim set and the envelope,
 * which the status list token reuses. Apart from {@code mdoc} because a JWS verifier needs neither CBOR nor COSE; the
 * JSON mapper also writes the JWK Set, so JWS and JWKS serialise values the same way.
 */
package org.elicence.licence.credential.jws;
