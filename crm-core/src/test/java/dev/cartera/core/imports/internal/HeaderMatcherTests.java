package dev.cartera.core.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cartera.core.imports.ColumnProposal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderMatcherTests {

    private static List<String> targets(String... headers) {
        return HeaderMatcher.propose(List.of(headers), null).stream().map(ColumnProposal::target).toList();
    }

    @Test
    void mapsSpanishSpreadsheetHeadersWhateverTheirCaseAndAccents() {
        assertThat(targets("Nombre", "Apellidos", "Razón social", "CORREO ELECTRÓNICO", "Teléfono", "Móvil", "NIF/CIF",
                "Provincia", "Código postal", "Población", "Origen", "Nº empleados", "Observaciones", "Columna rara"))
                .containsExactly("firstName", "lastName", "companyName", "email", "phone", "mobile", "taxId", "province",
                        "postcode", "city", "source", "companySize", "notes", null);
    }

    @Test
    void mapsCatalanAndEnglishHeaders() {
        assertThat(targets("Nom", "Cognoms", "Raó social", "Correu electrònic", "Telèfon", "Població", "Codi postal"))
                .containsExactly("firstName", "lastName", "companyName", "email", "phone", "city", "postcode");
        assertThat(targets("First Name", "Last Name", "Company", "E-mail", "Mobile", "VAT number", "Zip"))
                .containsExactly("firstName", "lastName", "companyName", "email", "mobile", "taxId", "postcode");
    }

    @Test
    void mapsTheExportsOfOtherCrms() {
        // HubSpot contacts export
        assertThat(targets("First Name", "Last Name", "Email", "Phone Number", "Company Name", "State/Region",
                "Original Source", "Contact owner")).containsExactly("firstName", "lastName", "email", "phone",
                "companyName", "province", "source", "owner");
        // Salesforce report (labels) and data export (API names)
        assertThat(targets("FirstName", "LastName", "Company", "Title", "Email", "MobilePhone", "LeadSource", "PostalCode",
                "NumberOfEmployees", "Lead Owner")).containsExactly("firstName", "lastName", "companyName", "jobTitle",
                "email", "mobile", "source", "postcode", "companySize", "owner");
        // Zoho CRM leads export
        assertThat(targets("Lead Owner", "Company", "First Name", "Last Name", "Designation", "Email", "No. of Employees",
                "Lead Source", "Zip Code")).containsExactly("owner", "companyName", "firstName", "lastName", null, "email",
                "companySize", "source", "postcode");
        // Odoo CRM export (technical names)
        assertThat(targets("partner_name", "contact_name", "email_from", "phone", "mobile", "zip", "state_id", "user_id"))
                .containsExactly("companyName", "fullName", "email", "phone", "mobile", "postcode", "province", "owner");
        // EspoCRM and SuiteCRM lead exports
        assertThat(targets("Name", "Account Name", "Email Address", "Office Phone", "Assigned User", "Address City"))
                .containsExactly("fullName", "companyName", "email", "phone", "owner", "city");
        assertThat(targets("First Name", "Last Name", "Account Name", "Mobile", "Primary Address Street",
                "Primary Address City", "Primary Address Postalcode", "Lead Source", "Assigned to"))
                .containsExactly("firstName", "lastName", "companyName", "mobile", "street", "city", "postcode", "source", "owner");
    }

    @Test
    void giveEachFieldToTheFirstColumnAndLetATemplateWin() {
        assertThat(targets("Email", "Correo", "Teléfono empresa"))
                .containsExactly("email", null, "phone");
        List<ColumnProposal> withTemplate = HeaderMatcher.propose(List.of("Nombre", "Tamaño"),
                Map.of("nombre", "companyName", "tamano", "custom.size"));
        assertThat(withTemplate).extracting(ColumnProposal::target).containsExactly("companyName", "custom.size");
        assertThat(withTemplate).extracting(ColumnProposal::matchedBy).containsOnly("template");
    }
}
