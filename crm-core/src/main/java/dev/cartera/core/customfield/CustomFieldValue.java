package dev.cartera.core.customfield;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** The value of one custom field on one record, kept as text in a canonical form per data type. */
@Entity
@Table(name = "crm_custom_field_value")
public class CustomFieldValue extends TenantEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", length = 30)
    private RecordType recordType;

    @Column(name = "record_id")
    private UUID recordId;

    @Column(name = "field_key", length = 60)
    private String fieldKey;

    @Column(name = "field_value", length = 4000)
    private String value;

    public RecordType getRecordType() {
        return recordType;
    }

    public void setRecordType(RecordType recordType) {
        this.recordType = recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public void setRecordId(UUID recordId) {
        this.recordId = recordId;
    }

    public String getFieldKey() {
        return fieldKey;
    }

    public void setFieldKey(String fieldKey) {
        this.fieldKey = fieldKey;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }
}
