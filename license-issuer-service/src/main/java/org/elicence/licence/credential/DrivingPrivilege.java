package org.elicence.licence.credential;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One licence class, e.g. "C1", with its own dates; an element of ISO 18013-5 {@code driving_privileges}.
 *
 * @param vehicleCategoryCode the class code as printed on the licence (A1, B2, C1, ...)
 * @param issueDate           when this class was first granted
 * @param expiryDate          when this class lapses, or {@code null} if it follows the licence expiry
 */
public record DrivingPrivilege(String vehicleCategoryCode, LocalDate issueDate, LocalDate expiryDate) {

    public DrivingPrivilege {
        if (vehicleCategoryCode == null || vehicleCategoryCode.isBlank()) {
            throw new IllegalArgumentException("vehicleCategoryCode is required");
        }
        Objects.requireNonNull(issueDate, "issueDate");
    }
}
