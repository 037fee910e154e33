/** Quotes, the purchase simulation (KD-1): the exact calculator, versions, PDF, sending and the customer's signed link. */
package dev.cartera.core.quote;
