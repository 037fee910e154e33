/**
 * KPIs, pipeline and period comparisons (monthly, cumulative, year over year), custom reports and
 * exports. No Spring. Filled by the reporting issue (KD-5).
 */
package dev.cartera.reporting;
