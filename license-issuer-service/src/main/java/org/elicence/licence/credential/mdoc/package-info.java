/**
 * Everything that knows the CBOR and COSE layout of an ISO 18013-5 mdoc: the writer, issuer data and device
 * authentication, COSE_Sign1. Kept in one place because the issuer, the verifier and the holder library
 * ({@code org.elicence.licence.holder}) must agree on those structures byte for byte.
 */
package org.elicence.licence.credential.mdoc;
