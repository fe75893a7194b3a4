package org.elicence.application.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CreateApplicationRequest(@NotBlank @Size(max = 100) String fullName) {
}
