package dev.cartera.spring.ui;

import dev.cartera.core.lead.LeadDraft;
import dev.cartera.core.lead.LeadQuery;
import dev.cartera.core.lead.LeadStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's form: typed-in sample records ({@code mode=SAMPLES}) or a filter over real leads
 * ({@code mode=REAL}: the newest {@code limit} leads, optionally by status, source or text).
 */
public class SimulationForm {
    static final List<Integer> LIMITS = List.of(10, 50, 200, 1000);

    private String mode = "REAL";
    private String limit = "50";
    private String status;
    private String source;
    private String text;
    private String trigger;
    private List<SampleRow> samples = new ArrayList<>();

    boolean isReal() {
        return !"SAMPLES".equals(mode);
    }

    LeadQuery query() {
        return new LeadQuery(RuleSetForm.trim(text), RuleSetForm.parse(LeadStatus.class, status), RuleSetForm.trim(source), null);
    }

    int limitValue() {
        Integer n = RuleSetForm.number(limit);
        return n == null ? 50 : Math.max(1, Math.min(n, 1000));
    }

    public List<Integer> getLimits() {
        return LIMITS;
    }

    /** One typed-in record: the lead fields assignment rules look at (automation reads them as field values). */
    public static class SampleRow {
        private String companyName;
        private String province;
        private String city;
        private String postcode;
        private String source;
        private String productInterest;
        private String companySize;
        private String language;
        private String ownerId;
        private String extra;

        boolean isBlank() {
            return fields().isEmpty();
        }

        LeadDraft toDraft() {
            String company = RuleSetForm.trim(companyName);
            return new LeadDraft(null, null, company == null ? "—" : company, null, null, null, null, RuleSetForm.trim(source), null, null,
                    null, RuleSetForm.trim(city), RuleSetForm.trim(postcode), RuleSetForm.trim(province), null,
                    RuleSetForm.trim(language), RuleSetForm.number(companySize), RuleSetForm.trim(productInterest), null);
        }

        /** The values as criteria fields; {@code extra} adds more as {@code field=value} lines (e.g. {@code stage=Ganada}). */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "name", companyName);
            put(fields, "companyName", companyName);
            put(fields, "province", province);
            put(fields, "city", city);
            put(fields, "postcode", postcode);
            put(fields, "source", source);
            put(fields, "productInterest", productInterest);
            put(fields, "companySize", companySize);
            put(fields, "language", language);
            if (extra != null) {
                for (String line : extra.split("[\\r\\n;]+")) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        put(fields, line.substring(0, eq).strip(), line.substring(eq + 1));
                    }
                }
            }
            return fields;
        }

        private static void put(Map<String, String> fields, String key, String value) {
            String v = RuleSetForm.trim(value);
            if (v != null && !key.isEmpty()) {
                fields.put(key, v);
            }
        }

        public String getCompanyName() {
            return companyName;
        }

        public void setCompanyName(String companyName) {
            this.companyName = companyName;
        }

        public String getProvince() {
            return province;
        }

        public void setProvince(String province) {
            this.province = province;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getPostcode() {
            return postcode;
        }

        public void setPostcode(String postcode) {
            this.postcode = postcode;
        }

        public String getSource() {
            return source;
        }

        public void setSource(String source) {
            this.source = source;
        }

        public String getProductInterest() {
            return productInterest;
        }

        public void setProductInterest(String productInterest) {
            this.productInterest = productInterest;
        }

        public String getCompanySize() {
            return companySize;
        }

        public void setCompanySize(String companySize) {
            this.companySize = companySize;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }

        public String getOwnerId() {
            return ownerId;
        }

        public void setOwnerId(String ownerId) {
            this.ownerId = ownerId;
        }

        public String getExtra() {
            return extra;
        }

        public void setExtra(String extra) {
            this.extra = extra;
        }
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getLimit() {
        return limit;
    }

    public void setLimit(String limit) {
        this.limit = limit;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTrigger() {
        return trigger;
    }

    public void setTrigger(String trigger) {
        this.trigger = trigger;
    }

    public List<SampleRow> getSamples() {
        return samples;
    }

    public void setSamples(List<SampleRow> samples) {
        this.samples = samples == null ? new ArrayList<>() : samples;
    }
}
