/** Custom reports: definitions validated against a field whitelist, saved and shared, panels, bulk tasks. */
package dev.cartera.reporting.custom;
