/** SQL building with bound values, the caller's visibility, and the report run; used by this module only. */
package dev.cartera.reporting.internal;
