package org.elicence.licence.credential.status;

import java.util.LinkedHashMap;
import java.util.Map;
import org.elicence.licence.credential.CredentialRejectedException;
import org.elicence.licence.credential.ReasonCode;

/**
 * Where a credential's status is published: entry {@code idx} of the Token Status List at {@code uri}
 * (draft-ietf-oauth-status-list, "Referenced Token"). Every credential gets its own index, so the index also
 * names one credential among the several a licence may have had (a renewal supersedes the previous one while
 * the licence number stays the same).
 *
 * <p>Carried as the {@code status} claim of the JWS and the {@code status} entry of the mdoc's Mobile Security
 * Object, both shaped {@code {"status_list": {"idx": n, "uri": "..."}}} as the draft defines for JWT and COSE.
 */
public record StatusListReference(long idx, String uri) {

    public static final String CLAIM = "status";
    private static final String STATUS_LIST = "status_list";

    public StatusListReference {
        if (idx < 0) {
            throw new IllegalArgumentException("a status list index is zero or greater");
        }
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("a status list reference needs the list's URI");
        }
    }

    /** The {@code status} claim value; the same tree serves JSON (JWS) and CBOR (MSO). */
    public Map<String, Object> toClaim() {
        Map<String, Object> statusList = new LinkedHashMap<>();
        statusList.put("idx", idx);
        statusList.put("uri", uri);
        return Map.of(STATUS_LIST, statusList);
    }

    /**
     * Reads a {@code status} claim from a signed JWS or MSO; null when absent (credentials issued before status
     * lists existed carry none). A present but unreadable claim is malformed: it was signed, so it is not noise.
     */
    public static StatusListReference fromClaim(Object claim) throws CredentialRejectedException {
        if (claim == null) {
            return null;
        }
        if (claim instanceof Map<?, ?> status && status.get(STATUS_LIST) instanceof Map<?, ?> statusList
                && statusList.get("idx") instanceof Number idx && idx.longValue() >= 0
                && statusList.get("uri") instanceof String uri && !uri.isBlank()) {
            return new StatusListReference(idx.longValue(), uri);
        }
        throw new CredentialRejectedException(ReasonCode.MALFORMED, "the status claim is not a status_list reference");
    }
}
