/**
 * The ISO 18013-5 key hierarchy (IACA root, document signer): making it, loading it, and deciding whether a signer
 * certificate is trusted, with the P-256 / ES256 primitives both signature formats use. One package, so that a key
 * rotation or a move to the authority's own PKI touches nothing else.
 */
package org.elicence.licence.credential.keys;
