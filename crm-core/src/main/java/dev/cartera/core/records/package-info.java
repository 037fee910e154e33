/** Shared look-ups over the records other records hang off: accounts, contacts, leads and deals. */
package dev.cartera.core.records;
