package org.elicence.licence.credential.status;

/**
 * The register's current view of a licence or of one of its credentials; UNKNOWN when the verifier has no
 * register to ask (offline). SUPERSEDED applies to a credential only: a renewal replaced it with a newer one for
 * the same licence, which is what the holder must present now.
 */
public enum LicenceStatus { ACTIVE, SUSPENDED, REVOKED, SUPERSEDED, UNKNOWN }
