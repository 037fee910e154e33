/** Lead imports from the files small firms really have (B-8, KD-2): CSV and Excel, mapping, preview, resumable runs. */
package dev.cartera.core.imports;
