/**
 * KPIs and the pipeline, period comparisons (monthly, cumulative, year over year, configurable fiscal
 * year), plans and their fulfilment, dashboards per role, custom reports and exports (KD-5, X-3, X-5,
 * Start at {@link dev.cartera.reporting.CarteraReports}. No Spring.
 */
package dev.cartera.reporting;
