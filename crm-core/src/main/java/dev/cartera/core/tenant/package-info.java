/** Row-level multi-tenancy: one tenant id on every row, set and enforced through Hibernate's {@code @TenantId}. */
package dev.cartera.core.tenant;
