package org.elicence.application.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The name is stripped of surrounding white space before it is validated, so its limit counts what is stored. */
public record CreateApplicationRequest(@NotBlank @Size(max = 100) String fullName) {

    public CreateApplicationRequest {
        fullName = fullName == null ? null : fullName.strip();
    }
}
