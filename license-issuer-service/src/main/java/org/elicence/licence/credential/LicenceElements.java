package org.elicence.licence.credential;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single mapping from {@link LicenceData} to ISO 18013-5 data elements, shared by the mdoc and the JWS
 * so the two representations cannot drift apart. Values are in the {@code Cbor} tree form (LocalDate for
 * full-date, byte[] for bstr).
 */
public final class LicenceElements {

    public static final String ISO_NAMESPACE = "org.iso.18013.5.1";
    /** Domestic namespace for what ISO 18013-5 has no element for; same naming scheme as ISO's. */
    public static final String DOMESTIC_NAMESPACE = "org.elicence.cn.1";
    public static final String MDL_DOCTYPE = "org.iso.18013.5.1.mDL";

    public static final String DOCUMENT_NUMBER = "document_number";
    static final String ISSUING_COUNTRY = "issuing_country";
    public static final String ISSUING_AUTHORITY = "issuing_authority";
    public static final String PORTRAIT = "portrait";
    /** Domestic: every licence class with its Chinese code (准驾车型), whether or not ISO has a category for it. */
    static final String NATIONAL_DRIVING_PRIVILEGES = "national_driving_privileges";

    /** ISO 3166-1 alpha-2, as ISO 18013-5 requires for issuing_country. */
    static final String ISSUING_COUNTRY_CODE = "CN";
    /**
     * ISO 18013-5 asks for the distinguishing sign of ISO/IEC 18013-1 Annex F (the 1949/1968 road traffic
     * conventions' signs). The People's Republic of China is party to neither convention and has no sign there ("RC"
     * is Taiwan's); readers take a value outside the list as it is (spruceid/isomdl's UNDistinguishingSign parses it
     * as NoneApplicable). So this is "CHN", the ISO 3166-1 alpha-3 code: see docs/licence.md.
     */
    static final String UN_DISTINGUISHING_SIGN = "CHN";
    private static final int ADULT_AGE = 18;

    public record Element(String namespace, String identifier, Object value) {
    }

    private LicenceElements() {
    }

    static List<Element> of(LicenceData data, LocalDate today) {
        List<Element> elements = new ArrayList<>();
        iso(elements, "family_name", data.familyName());
        iso(elements, "given_name", data.givenName());
        iso(elements, "birth_date", data.birthDate());
        iso(elements, "issue_date", data.issueDate());
        iso(elements, "expiry_date", data.expiryDate());
        iso(elements, ISSUING_COUNTRY, ISSUING_COUNTRY_CODE);
        iso(elements, ISSUING_AUTHORITY, data.issuingAuthority());
        iso(elements, DOCUMENT_NUMBER, data.licenceNumber());
        iso(elements, PORTRAIT, data.portraitJpeg());
        // ISO 18013-1 categories where a class has a faithful one; every class as printed in the domestic namespace.
        iso(elements, "driving_privileges", data.privileges().stream()
                .flatMap(privilege -> VehicleCategories.iso(privilege.vehicleCategoryCode())
                        .map(category -> isoPrivilege(privilege, category)).stream())
                .toList());
        iso(elements, "un_distinguishing_sign", UN_DISTINGUISHING_SIGN);
        // Lets a bank or rental desk check adulthood without reading the birth date (selective disclosure).
        iso(elements, "age_over_18", !data.birthDate().plusYears(ADULT_AGE).isAfter(today));
        // The resident ID is not ISO's administrative_number (an issuer audit number), so it gets its own
        // namespace; a reader can then be refused it without touching the ISO elements.
        elements.add(new Element(DOMESTIC_NAMESPACE, "resident_id_number", data.residentIdNumber()));
        elements.add(new Element(DOMESTIC_NAMESPACE, "first_issue_date", data.firstIssueDate()));
        elements.add(new Element(DOMESTIC_NAMESPACE, NATIONAL_DRIVING_PRIVILEGES,
                data.privileges().stream().map(LicenceElements::privilege).toList()));
        return elements;
    }

    private static void iso(List<Element> elements, String identifier, Object value) {
        elements.add(new Element(ISO_NAMESPACE, identifier, value));
    }

    // ISO 18013-5 DrivingPrivilege: the ISO category, the class's dates, and codes = the restriction codes plus the
    // national class (code "CN:<class>"), so a reader abroad sees both what it may drive and what the card says.
    private static Map<String, Object> isoPrivilege(DrivingPrivilege privilege, VehicleCategories.IsoCategory category) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("vehicle_category_code", category.category());
        entry.put("issue_date", privilege.issueDate());
        if (privilege.expiryDate() != null) {
            entry.put("expiry_date", privilege.expiryDate());
        }
        List<Map<String, Object>> codes = new ArrayList<>();
        for (String restriction : category.restrictionCodes()) {
            codes.add(Map.of("code", restriction));
        }
        codes.add(Map.of("code", VehicleCategories.NATIONAL_CODE_PREFIX + privilege.vehicleCategoryCode()));
        entry.put("codes", codes);
        return entry;
    }

    private static Map<String, Object> privilege(DrivingPrivilege privilege) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("vehicle_category_code", privilege.vehicleCategoryCode());
        entry.put("issue_date", privilege.issueDate());
        if (privilege.expiryDate() != null) {
            entry.put("expiry_date", privilege.expiryDate());
        }
        return entry;
    }
}
