package org.elicence.licence.credential;

import java.util.Map;
import org.elicence.licence.credential.status.StatusListReference;

/**
 * What a cryptographically verified credential says, the same for mdoc and JWS, before the validity window
 * and the register status are judged.
 *
 * @param elementsByNamespace element identifier → JSON-friendly value, per namespace
 * @param portraitSha256      base64url SHA-256 of the portrait JPEG, or null if the portrait was not disclosed
 * @param status              the signed status list entry, or null for a credential issued without one
 */
public record CredentialContent(Map<String, Map<String, Object>> elementsByNamespace, String portraitSha256, String docType,
        ValidityWindow validity, StatusListReference status) {

    Object element(String identifier) {
        return elementsByNamespace.values().stream()
                .filter(elements -> elements.containsKey(identifier))
                .map(elements -> elements.get(identifier))
                .findFirst().orElse(null);
    }

    Map<String, Object> claims() {
        return ClaimValues.flatten(elementsByNamespace, portraitSha256, docType, validity, status);
    }
}
