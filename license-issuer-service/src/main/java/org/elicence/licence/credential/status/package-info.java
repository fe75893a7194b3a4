/**
 * Whether a signed credential still holds: the register's view of a licence or credential and the Token Status List
 * the issuer publishes for verifiers. Separate from the signing code because a signature cannot say it was revoked
 * after signing; this is the part that changes after issuance.
 */
package org.elicence.licence.credential.status;
