/** The catalogue quotes are built from: products and services, price lists per segment, the taxes of Spain. */
package dev.cartera.core.catalog;
