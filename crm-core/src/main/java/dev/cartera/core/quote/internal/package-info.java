/** Signed customer links and the PDF layout of quotes; used by the quote feature only. */
package dev.cartera.core.quote.internal;
