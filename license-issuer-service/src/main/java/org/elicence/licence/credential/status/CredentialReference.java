package org.elicence.licence.credential.status;

import java.time.Instant;

/**
 * Which credential a verifier is judging, as far as its signed content says: the licence it belongs to, when it
 * was signed, and its status list entry. A licence can have had several credentials (each renewal supersedes the
 * previous one), so a register that knows them apart answers for this credential, not just for the licence.
 *
 * @param licenceNumber the signed {@code document_number}
 * @param signedAt      MSO {@code signed} / JWS {@code iat}
 * @param statusList    the signed status list entry, or null for a credential issued before status lists
 */
public record CredentialReference(String licenceNumber, Instant signedAt, StatusListReference statusList) {
}
