package org.elicence.licence.credential.keys;

import java.net.URI;
import org.bouncycastle.asn1.x509.GeneralName;

/**
 * What ISO 18013-5 Annex B makes every IACA and document signer certificate name: where the IACA's CRL is
 * published (cRLDistributionPoints, an http(s) URI) and how to reach the issuer (issuerAltName, a URI or an
 * e-mail address). Both are signed into the certificates, so they must be the public addresses for as long as the
 * certificates live.
 */
public record IssuerNames(String crlUri, String issuerContact) {

    /** What development and test hierarchies name: the service's own CRL endpoint on the local port. */
    public static final IssuerNames DEVELOPMENT = new IssuerNames(
            "http://localhost:8083/api/v1/licences/crl/iaca.crl", "https://licences.example.invalid/");

    public IssuerNames {
        URI crl = URI.create(crlUri);
        if (!"http".equals(crl.getScheme()) && !"https".equals(crl.getScheme())) {
            throw new IllegalArgumentException("the CRL distribution point must be an http(s) URI: " + crlUri);
        }
        if (issuerContact == null || issuerContact.isBlank()) {
            throw new IllegalArgumentException("an issuer alternative name (URI or e-mail) is required");
        }
    }

    GeneralName issuerAlternativeName() {
        return issuerContact.contains("@") && !issuerContact.contains(":")
                ? new GeneralName(GeneralName.rfc822Name, issuerContact)
                : new GeneralName(GeneralName.uniformResourceIdentifier, issuerContact);
    }
}
