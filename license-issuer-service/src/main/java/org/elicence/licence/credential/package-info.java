/**
 * The licence credential as the service layer uses it: {@link org.elicence.licence.credential.CredentialIssuer} signs
 * {@link org.elicence.licence.credential.LicenceData} into an mdoc and a JWS, and
 * {@link org.elicence.licence.credential.CredentialVerifier} judges either with nothing but the trusted IACA roots.
 * What stays here is what both representations share (the data elements, the verified content, the verdict), so the
 * two cannot drift apart; each format and the keys live in their own subpackage: {@code mdoc}, {@code jws},
 * {@code keys}, {@code status}, {@code qr}, {@code cbor}.
 */
package org.elicence.licence.credential;
