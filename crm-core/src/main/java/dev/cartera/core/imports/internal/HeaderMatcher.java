package dev.cartera.core.imports.internal;

import dev.cartera.core.dedupe.Names;
import dev.cartera.core.imports.ColumnProposal;
import dev.cartera.core.imports.LeadField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a target for each header: first a saved template, then a known header name (Spanish,
 * Catalan, English, and the export headers of HubSpot, Salesforce, Zoho, Odoo, EspoCRM and SuiteCRM,
 * listed in docs/imports.md), then a telling word inside the header. Headers compare folded (case,
 * accents and punctuation ignored; {@code FirstName} and {@code first_name} read as "first name").
 */
public final class HeaderMatcher {
    private static final Map<String, LeadField> NAMES = new HashMap<>();

    static {
        names(LeadField.FIRST_NAME, "nombre", "nom", "nombre de pila", "first name", "firstname", "given name", "forename");
        names(LeadField.LAST_NAME, "apellidos", "apellido", "primer apellido", "cognoms", "cognom", "last name", "lastname",
                "surname", "family name");
        names(LeadField.FULL_NAME, "nombre completo", "nombre y apellidos", "nom complet", "nom i cognoms", "full name",
                "contact name", "contacto", "persona de contacto", "persona contacto", "contacte", "persona de contacte",
                "name", "lead name", "contact", "nombre del contacto", "nombre contacto");
        names(LeadField.COMPANY_NAME, "empresa", "razon social", "rao social", "nombre de la empresa", "nombre empresa",
                "nombre comercial", "nom comercial", "nom de l empresa", "compania", "companyia", "cliente", "client",
                "entidad", "organizacion", "company", "company name", "organisation", "organization", "account name",
                "account", "partner name", "business name", "cuenta", "nombre de cuenta", "nombre de la cuenta");
        names(LeadField.JOB_TITLE, "cargo", "puesto", "puesto de trabajo", "carrec", "job title", "title", "position",
                "job position", "role", "funcion");
        names(LeadField.EMAIL, "email", "e mail", "correo", "correo electronico", "correu", "correu electronic",
                "email address", "e mail address", "mail", "email from", "primary email", "direccion de correo",
                "direccion de correo electronico", "adreca electronica", "emails", "email 1");
        names(LeadField.PHONE, "telefono", "tel", "telf", "tlf", "tfno", "telefon", "telefono fijo", "telefono 1",
                "phone", "phone number", "business phone", "work phone", "office phone", "telephone", "phone 1",
                "telefono de la oficina", "telefono oficina", "phone office");
        names(LeadField.MOBILE, "movil", "telefono movil", "mobil", "telefon mobil", "mobile", "mobile phone",
                "mobile phone number", "mobilephone", "cell", "cell phone", "celular", "whatsapp", "phone mobile");
        names(LeadField.TAX_ID, "nif", "cif", "nif cif", "cif nif", "dni", "nie", "nif nie", "dni nif", "nif dni",
                "vat", "vat number", "vat id", "tax id", "tax number", "identificador fiscal", "numero de identificacion fiscal",
                "id fiscal", "nif iva", "tva");
        names(LeadField.SOURCE, "origen", "fuente", "procedencia", "canal", "origen del lead", "origen del contacto",
                "font", "lead source", "leadsource", "source", "original source", "source id", "canal de entrada",
                "como nos conocio", "medio");
        names(LeadField.STREET, "direccion", "domicilio", "calle", "adreca", "domicili", "street", "address",
                "street address", "mailing street", "billing street", "primary address street", "address street",
                "direccion postal", "address 1", "address line 1");
        names(LeadField.CITY, "poblacion", "localidad", "ciudad", "municipio", "poblacio", "ciutat", "municipi",
                "localitat", "city", "town", "mailing city", "billing city", "primary address city", "address city");
        names(LeadField.POSTCODE, "codigo postal", "cp", "c p", "cod postal", "codi postal", "postal code", "postalcode",
                "zip", "zip code", "zipcode", "postcode", "post code", "mailing postal code", "billing postal code",
                "primary address postalcode", "address postal code", "postal zip code");
        names(LeadField.PROVINCE, "provincia", "estado", "region", "comunidad autonoma", "state", "state province",
                "state region", "county", "state id", "mailing state", "billing state", "primary address state",
                "address state", "province");
        names(LeadField.COUNTRY, "pais", "pais region", "country", "country region", "country id", "mailing country",
                "billing country", "primary address country", "address country", "nacion");
        names(LeadField.LANGUAGE, "idioma", "lengua", "llengua", "language", "preferred language", "lang", "locale");
        names(LeadField.COMPANY_SIZE, "empleados", "numero de empleados", "n empleados", "no empleados", "num empleados",
                "plantilla", "trabajadores", "numero de trabajadores", "treballadors", "empleats", "nombre d empleats",
                "employees", "number of employees", "numberofemployees", "no of employees", "num employees",
                "company size", "tamano empresa", "tamano de la empresa");
        names(LeadField.PRODUCT_INTEREST, "interes", "producto de interes", "producto", "productos", "servicio de interes",
                "servicio", "interessat en", "product interest", "interested in", "product", "producte");
        names(LeadField.NOTES, "notas", "nota", "observaciones", "comentarios", "comentario", "descripcion",
                "observacions", "comentaris", "notes", "note", "comments", "description", "remarks", "internal notes");
        names(LeadField.OWNER, "propietario", "responsable", "comercial", "asignado a", "vendedor", "agente",
                "usuario asignado", "owner", "lead owner", "contact owner", "record owner", "assigned user",
                "assigned to", "assigned user name", "salesperson", "sales rep", "user id", "propietari", "assignat a");
    }

    /** Words that give a column away when its header is not one of the names above, strongest first. */
    private static final List<Map.Entry<String, LeadField>> KEYWORDS = List.of(
            Map.entry("movil", LeadField.MOBILE), Map.entry("mobile", LeadField.MOBILE), Map.entry("mobil", LeadField.MOBILE),
            Map.entry("email", LeadField.EMAIL), Map.entry("correo", LeadField.EMAIL), Map.entry("correu", LeadField.EMAIL),
            Map.entry("mail", LeadField.EMAIL), Map.entry("telefono", LeadField.PHONE), Map.entry("phone", LeadField.PHONE),
            Map.entry("telefon", LeadField.PHONE), Map.entry("nif", LeadField.TAX_ID), Map.entry("cif", LeadField.TAX_ID),
            Map.entry("apellido", LeadField.LAST_NAME), Map.entry("cognom", LeadField.LAST_NAME),
            Map.entry("empresa", LeadField.COMPANY_NAME), Map.entry("company", LeadField.COMPANY_NAME),
            Map.entry("postal", LeadField.POSTCODE), Map.entry("provincia", LeadField.PROVINCE),
            Map.entry("poblacion", LeadField.CITY), Map.entry("ciudad", LeadField.CITY), Map.entry("city", LeadField.CITY),
            Map.entry("pais", LeadField.COUNTRY), Map.entry("country", LeadField.COUNTRY),
            Map.entry("direccion", LeadField.STREET), Map.entry("address", LeadField.STREET),
            Map.entry("origen", LeadField.SOURCE), Map.entry("source", LeadField.SOURCE),
            Map.entry("empleados", LeadField.COMPANY_SIZE), Map.entry("employees", LeadField.COMPANY_SIZE),
            Map.entry("observacion", LeadField.NOTES), Map.entry("comentario", LeadField.NOTES));

    private HeaderMatcher() {
    }

    private static void names(LeadField field, String... headers) {
        for (String header : headers) {
            NAMES.putIfAbsent(header, field);
        }
    }

    /** A header as compared: camel case split, folded. */
    public static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String split = header.replaceAll("([a-z])([A-Z])", "$1 $2");
        String folded = Names.fold(split);
        return folded == null ? "" : folded;
    }

    /**
     * One proposal per header. {@code template} maps normalised header names to targets and wins;
     * each lead field goes to the first column claiming it.
     */
    public static List<ColumnProposal> propose(List<String> header, Map<String, String> template) {
        List<ColumnProposal> proposals = new ArrayList<>();
        Set<LeadField> taken = EnumSet.noneOf(LeadField.class);
        java.util.Set<String> takenTargets = new java.util.HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String key = normalise(raw);
            String target = null;
            String how = null;
            if (template != null && template.containsKey(key) && takenTargets.add(template.get(key))) {
                target = template.get(key);
                how = "template";
                LeadField.ofKey(target).ifPresent(taken::add);
            } else {
                LeadField byName = NAMES.get(key);
                if (byName != null && taken.add(byName)) {
                    target = byName.key();
                    how = "name";
                } else if (byName == null) {
                    for (Map.Entry<String, LeadField> k : KEYWORDS) {
                        if (containsWord(key, k.getKey()) && taken.add(k.getValue())) {
                            target = k.getValue().key();
                            how = "keyword";
                            break;
                        }
                    }
                }
                if (target != null) {
                    takenTargets.add(target);
                }
            }
            proposals.add(new ColumnProposal(i, raw, target, how));
        }
        return proposals;
    }

    private static boolean containsWord(String header, String word) {
        for (String part : header.split(" ")) {
            if (part.startsWith(word)) {
                return true;
            }
        }
        return false;
    }
}
