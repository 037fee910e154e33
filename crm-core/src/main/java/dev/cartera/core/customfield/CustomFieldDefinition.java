package dev.cartera.core.customfield;

import dev.cartera.core.common.RecordType;
import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A field an admin adds to a record type, with its data type, options and whether it is required. */
@Entity
@Table(name = "crm_custom_field")
public class CustomFieldDefinition extends TenantEntity {
    @Enumerated(EnumType.STRING)
    @Column(name = "record_type", length = 30)
    private RecordType recordType;

    @Column(name = "field_key", length = 60)
    private String fieldKey;

    @Column(name = "label", length = 120)
    private String label;

    @Enumerated(EnumType.STRING)
    @Column(name = "data_type", length = 30)
    private CustomFieldType dataType;

    @Column(name = "options", length = 4000)
    private String options;

    @Column(name = "required")
    private boolean required;

    @Column(name = "position")
    private int position;

    @Column(name = "active")
    private boolean active;

    public RecordType getRecordType() {
        return recordType;
    }

    public void setRecordType(RecordType recordType) {
        this.recordType = recordType;
    }

    public String getFieldKey() {
        return fieldKey;
    }

    public void setFieldKey(String fieldKey) {
        this.fieldKey = fieldKey;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }

    public CustomFieldType getDataType() {
        return dataType;
    }

    public void setDataType(CustomFieldType dataType) {
        this.dataType = dataType;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
