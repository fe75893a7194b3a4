package org.elicence.licence.credential;

/** The register's current view of a licence; UNKNOWN when the verifier has no register to ask (offline). */
public enum LicenceStatus { ACTIVE, SUSPENDED, REVOKED, UNKNOWN }
