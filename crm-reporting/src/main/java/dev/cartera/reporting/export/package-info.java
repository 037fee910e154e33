/** CSV (formula-injection safe), XLSX and PDF of any {@link dev.cartera.reporting.ReportTable}. */
package dev.cartera.reporting.export;
