package dev.cartera.core.imports;

import dev.cartera.core.persistence.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A saved mapping, by header name, that the next file with the same headers starts from. */
@Entity
@Table(name = "crm_import_template")
public class ImportTemplate extends TenantEntity {
    @Column(name = "name", length = 120)
    private String name;

    @Column(name = "mapping_spec", length = 8000)
    private String mappingSpec;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getMappingSpec() {
        return mappingSpec;
    }

    public void setMappingSpec(String mappingSpec) {
        this.mappingSpec = mappingSpec;
    }
}
