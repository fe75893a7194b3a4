package org.elicence.licence.credential.cbor;

/**
 * A CBOR data item preceded by a semantic tag (RFC 8949 §3.4). The credential uses a handful of tags, so
 * they are named here rather than scattered as magic numbers.
 *
 * @param tag   the tag number
 * @param value the tagged item, in the same Java representation that {@link Cbor} reads and writes
 */
public record CborTagged(long tag, Object value) {

    /** tdate: an RFC 3339 date-time text string, used by the MSO validityInfo. */
    public static final long DATE_TIME = 0;
    /** Encoded CBOR data item: a byte string holding CBOR ("#6.24(bstr .cbor X)"). */
    public static final long ENCODED_CBOR = 24;
    /** COSE_Sign1 (RFC 9052); ISO 18013-5 sends issuerAuth untagged but a reader should accept the tag. */
    public static final long COSE_SIGN1 = 18;
    /** full-date: an RFC 3339 "YYYY-MM-DD" text string, used by birth_date, issue_date, expiry_date. */
    public static final long FULL_DATE = 1004;

    /** Wraps already-encoded CBOR as tag 24, the form in which ISO 18013-5 signs items and the MSO. */
    public static CborTagged embedded(byte[] encodedCbor) {
        return new CborTagged(ENCODED_CBOR, encodedCbor);
    }
}
