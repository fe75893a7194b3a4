package org.elicence.licence.credential;

import java.time.Instant;

/** ISO 18013-5 validityInfo; in the JWS the same instants are iat, nbf and exp. */
public record ValidityWindow(Instant signed, Instant validFrom, Instant validUntil) {
}
