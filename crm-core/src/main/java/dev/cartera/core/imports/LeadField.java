package dev.cartera.core.imports;

import java.util.Arrays;
import java.util.Optional;

/**
 * The lead fields a column can feed. {@link #FULL_NAME} is split into first and last name;
 * {@link #MOBILE} fills the phone when there is no other; {@link #OWNER} is a user name or e-mail.
 * A column may also feed a custom field: its target is {@code custom.<field key>}.
 */
public enum LeadField {
    FIRST_NAME("firstName"), LAST_NAME("lastName"), FULL_NAME("fullName"), COMPANY_NAME("companyName"),
    JOB_TITLE("jobTitle"), EMAIL("email"), PHONE("phone"), MOBILE("mobile"), TAX_ID("taxId"), SOURCE("source"),
    STREET("street"), CITY("city"), POSTCODE("postcode"), PROVINCE("province"), COUNTRY("country"),
    LANGUAGE("language"), COMPANY_SIZE("companySize"), PRODUCT_INTEREST("productInterest"), NOTES("notes"),
    OWNER("owner");

    public static final String CUSTOM_PREFIX = "custom.";

    private final String key;

    LeadField(String key) {
        this.key = key;
    }

    /** The target name used in mappings, templates and the REST API. */
    public String key() {
        return key;
    }

    public static Optional<LeadField> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }
}
