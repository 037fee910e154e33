package dev.cartera.core.account;

import java.time.Instant;
import java.util.UUID;

public record AccountView(UUID id, long version, AccountKind kind, String name, String legalName, String taxId,
        String email, String phone, String website, String street, String city, String postcode, String province,
        String country, String industry, Integer employees, boolean customer, boolean supplier, boolean partner,
        UUID ownerId, UUID originLeadId, String source, String segment, String notes, Instant lastContactedAt,
        Instant createdAt, Instant updatedAt) {

    public static AccountView of(Account a) {
        return new AccountView(a.getId(), a.getVersion(), a.getKind(), a.getName(), a.getLegalName(), a.getTaxId(),
                a.getEmail(), a.getPhone(), a.getWebsite(), a.getStreet(), a.getCity(), a.getPostcode(), a.getProvince(),
                a.getCountry(), a.getIndustry(), a.getEmployees(), a.isCustomer(), a.isSupplier(), a.isPartner(),
                a.getOwnerId(), a.getOriginLeadId(), a.getSource(), a.getSegment(), a.getNotes(), a.getLastContactedAt(),
                a.getCreatedAt(), a.getUpdatedAt());
    }
}
