/**
 * Drools rules for lead assignment and task/alert automation, generated at runtime from rules admins
 * edit as data, with a simulator. No Spring. Filled by the rules issue (KD-2, KD-4, B-5).
 */
package dev.cartera.rules;
