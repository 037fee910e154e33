/** How leads are written in bulk (PostgreSQL COPY); nobody outside the lead feature touches it. */
package dev.cartera.core.lead.internal;
