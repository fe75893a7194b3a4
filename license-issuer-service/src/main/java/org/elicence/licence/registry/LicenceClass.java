package org.elicence.licence.registry;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One class on a licence (C1, B2, ...) and when it was granted; {@code expiresOn} null: lapses with the licence. */
@Embeddable
public class LicenceClass {

    @Column(name = "class_code", nullable = false)
    public String classCode;

    @Column(name = "granted_on", nullable = false)
    public LocalDate grantedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;
}
