package org.elicence.licence.credential;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.elicence.messaging.image.MetadataStripper;

/**
 * What the issuing authority asserts about one licence holder; the input to {@link CredentialIssuer}.
 * {@code toString} leaves out the resident ID number and the portrait so that logging a licence does not
 * leak personal identifiers.
 */
public record LicenceData(String licenceNumber, String familyName, String givenName, String residentIdNumber,
        LocalDate birthDate, List<DrivingPrivilege> privileges, LocalDate firstIssueDate,
        LocalDate issueDate, LocalDate expiryDate, String issuingAuthority, byte[] portraitJpeg) {

    public LicenceData {
        requireText(licenceNumber, "licenceNumber");
        requireText(familyName, "familyName");
        requireText(givenName, "givenName");
        requireText(residentIdNumber, "residentIdNumber");
        requireText(issuingAuthority, "issuingAuthority");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(firstIssueDate, "firstIssueDate");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
        if (privileges == null || privileges.isEmpty()) {
            throw new IllegalArgumentException("a licence needs at least one driving privilege");
        }
        // on its expiry day a licence is still valid, and a credential signed that day lasts the day
        if (expiryDate.isBefore(issueDate)) {
            throw new IllegalArgumentException("expiryDate must not be before issueDate");
        }
        if (!MetadataStripper.isJpeg(portraitJpeg)) {
            throw new IllegalArgumentException("portraitJpeg must be a JPEG image (ISO 18013-5 portrait)");
        }
        privileges = List.copyOf(privileges);
        portraitJpeg = portraitJpeg.clone();
    }

    @Override
    public byte[] portraitJpeg() {
        return portraitJpeg.clone();
    }

    @Override
    public String toString() {
        return "LicenceData[licenceNumber=" + licenceNumber + ", privileges=" + privileges
                + ", issueDate=" + issueDate + ", expiryDate=" + expiryDate + ", issuingAuthority=" + issuingAuthority
                + ", residentIdNumber=<redacted>, portrait=" + portraitJpeg.length + " bytes]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

}
